namespace Onboarding.Api.Flows.Check;

/// <summary>Every response mapping of a request to one of our routes reads something the endpoint answers.</summary>
internal sealed class RegistrationResponseRule : IFlowRule
{
    public const string UnknownField = "api-response-unknown-field";

    public IEnumerable<FlowFinding> Check(FlowDocument flow) =>
        from site in flow.Blocks
        let contract = ApiContract.Of(site.Block)
        where contract is not null
        from mapping in JsonText.Objects(site.Block.Options?["responseVariableMapping"])
        let path = JsonText.Of(mapping["bodyPath"])?.Trim() ?? ""
        where !ResponseBodyPaths.IsKnown(path, contract.ResponseTypes)
        select FlowFinding.At(FindingSeverity.Error, UnknownField, site, Explain(path, contract.ResponseTypes));

    private static string Explain(string path, IReadOnlyList<Type> types)
    {
        var members = string.Join(", ", ResponseBodyPaths.TopLevelOf(types));
        var known = $"statusCode, data or data.<member>, where the endpoint answers {members}";
        if (path.Length == 0)
        {
            return $"a response mapping has no bodyPath; use {known}";
        }

        // A camelCase member is the usual slip: the API names its members in snake_case.
        var snake = path.StartsWith("data.", StringComparison.Ordinal) ? "data." + ResponseBodyPaths.JsonName(path["data.".Length..]) : null;
        var hint = snake is not null && snake != path && ResponseBodyPaths.IsKnown(snake, types) ? $" (did you mean \"{snake}\"?)" : "";
        return $"response mapping \"{path}\" reads nothing the endpoint answers{hint}; use {known}";
    }
}
