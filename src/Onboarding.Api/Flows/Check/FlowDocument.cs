using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>A flow the Typebot flow parser (Onboarding.Typebot) accepted, with every block's position.</summary>
internal sealed class FlowDocument(TypebotFlow flow)
{
    public TypebotFlow Flow { get; } = flow;

    public IReadOnlyList<BlockSite> Blocks { get; } =
        flow.Groups.SelectMany(g => g.Blocks.Select((b, i) => new BlockSite(g, i, b))).ToList();

    /// <summary>The group an edge leads to; null when the edge or its group is missing (Typebot then ends the flow).</summary>
    public FlowGroup? TargetOf(string? edgeId) => Flow.FindGroup(Flow.FindEdge(edgeId)?.ToGroupId);
}
