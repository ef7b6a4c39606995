namespace Onboarding.Api.Flows.Check;

/// <summary>A variable used by name or id that the flow does not declare: Typebot silently reads it as empty.</summary>
internal sealed class UndeclaredVariableRule : IFlowRule
{
    public const string Code = "variable-undeclared";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        var names = flow.Flow.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var ids = flow.Flow.Variables.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var site in flow.Blocks)
        {
            foreach (var name in VariableUse.Names(site.Block.Raw).Distinct().Where(n => !names.Contains(n)))
            {
                yield return FlowFinding.At(FindingSeverity.Error, Code, site,
                    $"{{{{{name}}}}} is used but no variable \"{name}\" is declared, so Typebot fills in an empty string");
            }

            foreach (var id in VariableUse.Ids(site.Block.Raw).Distinct().Where(i => !ids.Contains(i)))
            {
                yield return FlowFinding.At(FindingSeverity.Error, Code, site, $"the block refers to variable id \"{id}\", which is not declared");
            }
        }
    }
}
