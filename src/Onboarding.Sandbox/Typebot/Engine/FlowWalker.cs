using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine.Bubbles;
using Onboarding.Sandbox.Typebot.Engine.Http;
using Onboarding.Sandbox.Typebot.Engine.Inputs;
using Onboarding.Sandbox.Typebot.Engine.Logic;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>Where a walk begins: a group from a block index, or an edge to follow.</summary>
public readonly record struct WalkStart(FlowGroup? Group, int FromIndex, string? EdgeId)
{
    public static WalkStart FromEdge(string? edgeId) => new(null, 0, edgeId);
}

/// <summary>
/// Typebot's <c>walkFlowForward</c>/<c>executeGroup</c>: runs blocks in order, stops at an input or at a client-side
/// action that waits for a reply, follows edges, and resumes parent flows when a linked flow ends.
/// </summary>
public static class FlowWalker
{
    // Typebot bounds a turn with CHAT_API_TIMEOUT; a step budget keeps a Jump loop without inputs from spinning forever.
    private const int MaxGroupsPerTurn = 5_000;

    public static async Task WalkAsync(WalkStart start, BlockExecution run, CancellationToken cancellationToken)
    {
        var nextEdge = start.EdgeId;
        var first = true;
        var paused = false;
        var steps = 0;
        do
        {
            var target = first && start.Group is not null ? (start.Group, start.FromIndex) : Navigate(run.Session, nextEdge);
            first = false;
            if (target is null)
            {
                break;
            }

            if (++steps > MaxGroupsPerTurn)
            {
                run.Turn.Log("error", "Too many groups executed in one turn", context: "Emulator loop guard");
                break;
            }

            (nextEdge, paused) = await ExecuteGroupAsync(target.Value.Group, target.Value.Item2, run, cancellationToken);
        }
        while (nextEdge is not null || (!paused && (run.Session.Current.QueuedEdgeIds.Count > 0 || run.Session.Queue.Count > 1)));
    }

    private static (FlowGroup Group, int Index)? Navigate(TypebotSession session, string? edgeId)
    {
        var edge = session.Current.FindEdge(edgeId);
        if (edge is null)
        {
            string? queued = null;
            if (session.Current.QueuedEdgeIds.Count > 0)
            {
                queued = session.Current.QueuedEdgeIds[0];
                session.Current.QueuedEdgeIds.RemoveAt(0);
            }

            if (session.Queue.Count > 1)
            {
                TypebotLinkExecutor.PopFinishedFlow(session);
            }

            return queued is not null || session.Current.QueuedEdgeIds.Count > 0 ? Navigate(session, queued) : null;
        }

        var group = session.Current.Flow.FindGroup(edge.ToGroupId);
        if (group is null || group.Blocks.Count == 0)
        {
            return group is null ? null : (group, 0);
        }

        var index = edge.ToBlockId is null ? 0 : group.Blocks.ToList().FindIndex(b => b.Id == edge.ToBlockId);
        // JavaScript's blocks.slice(-1) keeps the last block when the target block is missing.
        return (group, index < 0 ? group.Blocks.Count - 1 : index);
    }

    private static async Task<(string? NextEdge, bool Paused)> ExecuteGroupAsync(
        FlowGroup group, int fromIndex, BlockExecution run, CancellationToken cancellationToken)
    {
        string? nextEdge = null;
        for (var i = fromIndex; i < group.Blocks.Count; i++)
        {
            var block = group.Blocks[i];
            nextEdge = block.OutgoingEdgeId;
            if (BlockTypes.IsBubble(block.Type))
            {
                if (block.Content is null)
                {
                    continue;
                }

                var message = BubbleRenderer.Render(block, run.Variables);
                run.Turn.Messages.Add(message);
                run.Session.Transcript.Add(new TranscriptEntry("bot", block.Type, BubbleRenderer.Describe(message), run.Now));
                if (block.Type == BlockTypes.Embed && block.Content["waitForEvent"]?["isEnabled"] is JsonValue w && w.TryGetValue<bool>(out var waits) && waits)
                {
                    run.Session.CurrentBlockId = block.Id;
                    return (null, true);
                }

                run.LastBubbleBlockId = block.Id;
                continue;
            }

            if (BlockTypes.IsInput(block.Type) && block.Type != BlockTypes.Cards)
            {
                run.Turn.Input = InputFormatter.Format(block, run.Variables);
                run.Session.CurrentBlockId = block.Id;
                return (null, true);
            }

            var actionsBefore = run.Turn.ClientSideActions.Count;
            var outcome = EmulatorBlockSupport.Executed.Contains(block.Type) ? await ExecuteLogicOrIntegrationAsync(block, run, cancellationToken) : null;
            if (outcome is null)
            {
                run.Logger.LogBlockSkipped(block.Id, block.Type);
                continue;
            }

            if (run.Turn.ClientSideActions.Skip(actionsBefore).Any(a => a["expectsDedicatedReply"] is JsonValue e && e.TryGetValue<bool>(out var expects) && expects))
            {
                run.Session.CurrentBlockId = block.Id;
                return (null, true);
            }

            if (outcome.Value.EdgeId is not null)
            {
                return (outcome.Value.EdgeId, false);
            }

            if (outcome.Value.Stop)
            {
                return (null, false);
            }
        }

        return (nextEdge, false);
    }

    private static async Task<BlockOutcome?> ExecuteLogicOrIntegrationAsync(FlowBlock block, BlockExecution run, CancellationToken cancellationToken) =>
        block.Type switch
        {
            BlockTypes.SetVariable => SetVariableExecutor.Execute(block, run),
            BlockTypes.Condition => FlowControlExecutor.Condition(block, run),
            BlockTypes.Jump => FlowControlExecutor.Jump(block, run),
            BlockTypes.Return => FlowControlExecutor.Return(run),
            BlockTypes.AbTest => FlowControlExecutor.AbTest(block, run),
            BlockTypes.Redirect => FlowControlExecutor.Redirect(block, run),
            BlockTypes.Wait => FlowControlExecutor.Wait(block, run),
            BlockTypes.TypebotLink => TypebotLinkExecutor.Execute(block, run),
            BlockTypes.Script => ScriptExecutor.Execute(block, run),
            BlockTypes.Chatwoot => ChatwootExecutor.Execute(block, run),
            BlockTypes.HttpRequest or BlockTypes.Zapier or BlockTypes.MakeCom or BlockTypes.Pabbly => await HttpRequestExecutor.ExecuteAsync(block, run, cancellationToken),
            _ => throw new InvalidOperationException($"{nameof(EmulatorBlockSupport)} lists \"{block.Type}\" but the walker has no executor for it."),
        };
}
