using System.Text.Json.Nodes;

namespace Onboarding.Api.Flows.Check;

/// <summary>The requests to our routes: the registration exists; each posts, carries the key placeholder and a variable base URL.</summary>
internal sealed class RegistrationRequestRule : IFlowRule
{
    public const string NotCalled = "api-not-called";
    public const string Method = "api-method";
    public const string KeyMissing = "api-key-missing";
    public const string KeyInVariable = "api-key-variable";
    public const string UrlHardcoded = "api-url-hardcoded";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        var sites = flow.Blocks.Where(s => RegistrationContract.Targets(s.Block)).ToList();
        if (sites.Count == 0)
        {
            yield return FlowFinding.InFlow(FindingSeverity.Warning, NotCalled,
                $"no HTTP request block posts to …{RegistrationContract.Route}, so this flow never registers a driver");
        }

        foreach (var finding in flow.Blocks.Where(s => ApiContract.Of(s.Block) is not null).SelectMany(CheckBlock))
        {
            yield return finding;
        }
    }

    private static IEnumerable<FlowFinding> CheckBlock(BlockSite site)
    {
        var webhook = RegistrationContract.Webhook(site.Block)!;
        var route = ApiContract.Of(site.Block)!.Route;
        // Typebot sends POST when the builder never stored a method.
        var method = JsonText.Of(webhook["method"]) ?? "POST";
        if (method != "POST")
        {
            yield return FlowFinding.At(FindingSeverity.Error, Method, site, $"the request uses {method}; {route} only accepts POST");
        }

        if (ApiKeyFinding(site, webhook) is { } key)
        {
            yield return key;
        }

        var url = RegistrationContract.Url(site.Block)!.Trim();
        if (!url.StartsWith("{{", StringComparison.Ordinal))
        {
            yield return FlowFinding.At(FindingSeverity.Warning, UrlHardcoded, site,
                $"the URL \"{url.Split('?')[0]}\" names one server; start it with {{{{{BridgeVariables.ApiUrl}}}}} (sent by the bridge) so the same file works everywhere");
        }
    }

    private static FlowFinding? ApiKeyFinding(BlockSite site, JsonObject webhook)
    {
        var header = JsonText.Objects(webhook["headers"])
            .FirstOrDefault(h => string.Equals(JsonText.Of(h["key"])?.Trim(), RegistrationContract.ApiKeyHeader, StringComparison.OrdinalIgnoreCase));
        var value = JsonText.Of(header?["value"])?.Trim() ?? "";
        const string Advice = $"the value must be the placeholder {RegistrationContract.ApiKeyPlaceholder}, replaced by the real key in Typebot after import";
        if (value == RegistrationContract.ApiKeyPlaceholder)
        {
            return null;
        }

        if (value.Length == 0)
        {
            // Typebot drops header rows without a value, so an empty one is the same as none.
            return FlowFinding.At(FindingSeverity.Error, KeyMissing, site, $"the request has no {RegistrationContract.ApiKeyHeader} header; {Advice}");
        }

        if (value.Contains("{{", StringComparison.Ordinal))
        {
            return FlowFinding.At(FindingSeverity.Error, KeyInVariable, site,
                $"the {RegistrationContract.ApiKeyHeader} header takes its value from a variable, and variables travel in results and prefill; {Advice}");
        }

        return FlowFinding.At(FindingSeverity.Error, SecretsRule.Code, site,
            $"the {RegistrationContract.ApiKeyHeader} header holds a literal key (\"{Credentials.Mask(value)}\"); never keep a real key in the file: {Advice}");
    }
}
