namespace Onboarding.Api.Flows.Check;

/// <summary>A declared variable that nothing sets (no input, Set variable, mapping, initial value or prefill) is always empty.</summary>
internal sealed class UnsetVariableRule : IFlowRule
{
    public const string Code = "variable-never-set";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        var writtenIds = flow.Flow.Events.SelectMany(e => VariableUse.Ids(e.Raw["options"]))
            .Concat(flow.Blocks.SelectMany(s => VariableUse.WrittenIds(s.Block)))
            .ToHashSet(StringComparer.Ordinal);
        var writtenNames = flow.Blocks.SelectMany(s => VariableUse.WrittenNames(s.Block)).ToHashSet(StringComparer.Ordinal);
        return flow.Flow.Variables
            .Where(v => v.InitialValue is null && !BridgeVariables.IsFilledFromOutside(v.Name))
            .Where(v => !writtenIds.Contains(v.Id) && !writtenNames.Contains(v.Name))
            .Select(v => FlowFinding.InFlow(FindingSeverity.Warning, Code,
                $"variable \"{v.Name}\" is declared but nothing sets it (no input, Set variable, response mapping or bridge prefill), so it is always empty"));
    }
}
