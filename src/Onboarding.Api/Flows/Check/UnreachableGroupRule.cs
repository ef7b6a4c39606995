using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>A group no path from the start event (or another event) leads to: the driver never sees it.</summary>
internal sealed class UnreachableGroupRule : IFlowRule
{
    public const string Code = "group-unreachable";

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        var reached = new HashSet<FlowGroup>();
        var pending = new Queue<FlowGroup>();
        void Visit(FlowGroup? group)
        {
            if (group is not null && reached.Add(group))
            {
                pending.Enqueue(group);
            }
        }

        foreach (var flowEvent in flow.Flow.Events)
        {
            Visit(flow.TargetOf(flowEvent.OutgoingEdgeId));
        }

        while (pending.TryDequeue(out var group))
        {
            foreach (var block in group.Blocks)
            {
                if (block.Type == BlockTypes.Jump && block.Option("groupId") is { } target && target.Contains("{{", StringComparison.Ordinal))
                {
                    // A Jump to a variable group title may land anywhere: nothing can be called unreachable.
                    return [];
                }

                foreach (var edgeId in EdgeIds(block.Raw))
                {
                    Visit(flow.TargetOf(edgeId));
                }

                if (block.Type == BlockTypes.Jump || (block.Type == BlockTypes.TypebotLink && block.Option("typebotId") == "current"))
                {
                    Visit(flow.Flow.FindGroup(block.Option("groupId")));
                }
            }
        }

        return flow.Flow.Groups.Where(g => !reached.Contains(g))
            .Select(g => FlowFinding.InGroup(FindingSeverity.Warning, Code, g, "no path from the start event leads to this group, so the driver never sees it"))
            .ToList();
    }

    /// <summary>The block's own edge and those of its items (buttons, condition branches, card paths).</summary>
    private static IEnumerable<string> EdgeIds(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "outgoingEdgeId" && JsonText.Of(p.Value) is { } id ? [id] : EdgeIds(p.Value)),
        JsonArray a => a.SelectMany(EdgeIds),
        _ => [],
    };
}
