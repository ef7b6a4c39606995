using System.Text.Json.Nodes;
using Onboarding.Typebot.Variables;

namespace Onboarding.Api.Flows.Check;

/// <summary>The body of a request to one of our routes against the endpoint's request: keys it reads, keys it requires, JSON types it takes.</summary>
internal sealed class RegistrationBodyRule : IFlowRule
{
    public const string NotJson = "api-body-not-json";
    public const string DefaultPayload = "api-body-default";
    public const string SingleVariable = "api-body-variable";
    public const string UnknownKey = "api-body-unknown-key";
    public const string MissingRequired = "api-body-missing-required";
    public const string WrongType = "api-body-wrong-type";

    public IEnumerable<FlowFinding> Check(FlowDocument flow) =>
        flow.Blocks.Where(s => ApiContract.Of(s.Block) is not null).SelectMany(s => CheckBlock(flow, s, ApiContract.Of(s.Block)!));

    private static IEnumerable<FlowFinding> CheckBlock(FlowDocument flow, BlockSite site, ApiContract contract)
    {
        var body = JsonText.Of(RegistrationContract.Webhook(site.Block)?["body"])?.Trim() ?? "";
        // Typebot's rule: without a custom body (or with "{{state}}") it sends every variable that has a value.
        if (!site.Block.OptionFlag("isCustomBody") || body.Length == 0 || body == "{{state}}")
        {
            return CheckDefaultPayload(flow, site, contract);
        }

        if (VariableTemplate.IsSingleVariable(body))
        {
            return [FlowFinding.At(FindingSeverity.Info, SingleVariable, site,
                $"the body is the variable {body}, prepared elsewhere, so its keys are not checked")];
        }

        return TemplatedJson.ParseObject(body) is { } json
            ? CheckKeys(site, json, contract)
            : [FlowFinding.At(FindingSeverity.Error, NotJson, site,
                "the custom body is not a JSON object, even with its variables filled in; the endpoint would refuse it with 400")];
    }

    private static IEnumerable<FlowFinding> CheckDefaultPayload(FlowDocument flow, BlockSite site, ApiContract contract)
    {
        yield return FlowFinding.At(FindingSeverity.Warning, DefaultPayload, site,
            "the request sends Typebot's default body (every variable by name) instead of a custom JSON body, so only variables named like the endpoint's fields reach it");
        var names = flow.Flow.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in contract.RequiredFields.Where(f => !names.Contains(f)))
        {
            yield return FlowFinding.At(FindingSeverity.Error, MissingRequired, site,
                $"required field \"{field}\" is missing: the default body only holds variables, and no variable is named \"{field}\"");
        }
    }

    private static IEnumerable<FlowFinding> CheckKeys(BlockSite site, JsonObject body, ApiContract contract)
    {
        // The endpoint trims and lower-cases member names before it looks them up.
        var keys = body.GroupBy(p => p.Key.Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var key in keys.Keys.Where(k => !contract.Fields.Contains(k)))
        {
            yield return FlowFinding.At(FindingSeverity.Warning, UnknownKey, site, $"body key \"{key}\" is not a field of the endpoint, which ignores it");
        }

        foreach (var field in contract.RequiredFields)
        {
            if (!keys.TryGetValue(field, out var value))
            {
                yield return FlowFinding.At(FindingSeverity.Error, MissingRequired, site, $"required field \"{field}\" is missing from the body");
            }
            else if (value is null || JsonText.Of(value) is { } text && string.IsNullOrWhiteSpace(text))
            {
                yield return FlowFinding.At(FindingSeverity.Error, MissingRequired, site, $"required field \"{field}\" is always empty in the body");
            }
        }

        foreach (var (key, value) in keys.Where(p => contract.Fields.Contains(p.Key) && !IsReadable(p.Value)))
        {
            yield return FlowFinding.At(FindingSeverity.Error, WrongType, site,
                $"body key \"{key}\" is a constant JSON {value!.GetValueKind().ToString().ToLowerInvariant()}; the endpoint reads text, numbers, booleans or lists of those");
        }
    }

    /// <summary>What the endpoint's lenient reader takes: scalars, and lists of scalars (a list variable becomes one).</summary>
    private static bool IsReadable(JsonNode? value) => value switch
    {
        null or JsonValue => true,
        JsonArray items => items.All(i => i is null or JsonValue),
        _ => false,
    };
}
