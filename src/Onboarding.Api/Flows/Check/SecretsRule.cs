using System.Text.Json.Nodes;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Keys and tokens pasted into HTTP request headers, URL queries or query parameters. A flow file is shared and
/// committed; a credential belongs in Typebot after import, behind a placeholder in the file.
/// </summary>
internal sealed class SecretsRule : IFlowRule
{
    public const string Code = "secret-in-flow";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        foreach (var site in flow.Blocks)
        {
            if (RegistrationContract.Webhook(site.Block) is not { } webhook)
            {
                continue;
            }

            var isRegistration = ApiContract.Of(site.Block) is not null;
            foreach (var (where, name, value) in Values(webhook))
            {
                // The request rule already judges our routes' own key header, with its own advice.
                var isApiKey = where == "header" && string.Equals(name.Trim(), RegistrationContract.ApiKeyHeader, StringComparison.OrdinalIgnoreCase);
                if ((isRegistration && isApiKey) || Credentials.Reason(name, value) is not { } reason)
                {
                    continue;
                }

                yield return FlowFinding.At(FindingSeverity.Error, Code, site,
                    $"{where} \"{name}\" holds {reason} (\"{Credentials.Mask(value.Trim())}\"); keep a placeholder such as __NAME__ in the file and enter the real value in Typebot after import");
            }
        }
    }

    /// <summary>Header rows, query parameter rows and the pairs of the URL's own query string.</summary>
    private static IEnumerable<(string Where, string Name, string Value)> Values(JsonObject webhook)
    {
        foreach (var header in JsonText.Objects(webhook["headers"]))
        {
            yield return ("header", JsonText.Of(header["key"]) ?? "", JsonText.Of(header["value"]) ?? "");
        }

        foreach (var parameter in JsonText.Objects(webhook["queryParams"]))
        {
            yield return ("query parameter", JsonText.Of(parameter["key"]) ?? "", JsonText.Of(parameter["value"]) ?? "");
        }

        var url = JsonText.Of(webhook["url"]) ?? "";
        var query = url.IndexOf('?') is var at and >= 0 ? url[(at + 1)..].Split('#')[0] : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            yield return ("URL query", Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
    }
}
