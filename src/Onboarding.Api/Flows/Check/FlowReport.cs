namespace Onboarding.Api.Flows.Check;

/// <summary>Everything <see cref="FlowChecker"/> found in one flow, errors first.</summary>
public sealed record FlowReport(IReadOnlyList<FlowFinding> Findings)
{
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);

    public FlowVerdict Verdict => Errors > 0 ? FlowVerdict.Error : Warnings > 0 ? FlowVerdict.Warning : FlowVerdict.Ok;
}
