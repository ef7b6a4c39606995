using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// An input whose answer leads nowhere: no edge (or an edge to a missing group) and no block after it in its
/// group. Typebot ends the flow right after the reply, so the driver answers and hears nothing back.
/// </summary>
internal sealed class DeadEndInputRule : IFlowRule
{
    public const string Code = "input-dead-end";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        foreach (var site in flow.Blocks.Where(s => BlockTypes.IsInput(s.Block.Type) && s.Block.Type != BlockTypes.Cards))
        {
            var block = site.Block;
            // A single choice follows the chosen item's edge first, as the engine does.
            var branches = block.Type == BlockTypes.ChoiceInput && !block.OptionFlag("isMultipleChoice") && block.Items.Count > 0
                ? block.Items.Select(i => (Label: i.ContentText ?? i.Id, Edge: i.OutgoingEdgeId ?? block.OutgoingEdgeId)).ToList()
                : [(Label: "", Edge: block.OutgoingEdgeId)];
            var deadEnds = branches.Where(b => b.Edge is null ? site.IsLast : flow.TargetOf(b.Edge) is null).ToList();
            if (deadEnds.Count == 0)
            {
                continue;
            }

            var what = deadEnds.Count == branches.Count
                ? "the answer leads nowhere"
                : "the answer " + string.Join(", ", deadEnds.Select(b => $"\"{b.Label}\"")) + " leads nowhere";
            yield return FlowFinding.At(FindingSeverity.Error, Code, site,
                $"{what}: no outgoing edge to an existing group and no block after it, so the flow ends on the driver's reply");
        }
    }
}
