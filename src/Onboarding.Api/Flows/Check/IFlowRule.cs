namespace Onboarding.Api.Flows.Check;

/// <summary>One check of a parsed flow; each rule owns its rule codes.</summary>
internal interface IFlowRule
{
    IEnumerable<FlowFinding> Check(FlowDocument flow);
}
