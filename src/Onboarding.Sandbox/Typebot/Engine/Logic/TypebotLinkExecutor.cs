using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>
/// The Typebot link block: pushes the linked flow (or the same flow) on the session's queue and resumes the parent
/// when it ends. A flow that is not loaded in the emulator (Typebot: not in the workspace) is skipped with an
/// error log, as Typebot does.
/// </summary>
public static class TypebotLinkExecutor
{
    public static BlockOutcome Execute(FlowBlock block, BlockExecution run)
    {
        var typebotId = block.Option("typebotId");
        if (typebotId is null)
        {
            run.Turn.Log("error", "Failed to link typebot", "Typebot ID is not specified");
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var parent = run.Frame;
        var isSameTypebot = typebotId == "current" || typebotId == parent.Flow.Id;
        var linkedFlow = isSameTypebot ? parent.Flow : run.Options.FindFlow?.Invoke(typebotId);
        if (linkedFlow is null)
        {
            run.Turn.Log("error", "Failed to link typebot", $"Typebot with ID {typebotId} not found");
            run.Logger.LogLinkedFlowMissing(block.Id, typebotId);
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var groupId = block.Option("groupId");
        var nextGroupId = groupId is not null
            ? linkedFlow.FindGroup(groupId)?.Id ?? linkedFlow.Groups.FirstOrDefault(g => g.Title == groupId)?.Id
            : linkedFlow.FindEdge(linkedFlow.StartEvent.OutgoingEdgeId)?.ToGroupId;
        if (nextGroupId is null)
        {
            run.Turn.Log("error", "Failed to link typebot", $"Group with ID \"{groupId}\" not found");
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var edgeToQueue = block.OutgoingEdgeId ?? ResumeEdge(block, parent);
        var child = isSameTypebot
            ? new FlowFrame(linkedFlow, parent.ResultId, parent.Variables.Select(v => new SessionVariable(v.Id, v.Name, v.Value, v.IsSessionVariable)))
            {
                IsMergingWithParent = true,
            }
            : new FlowFrame(linkedFlow, parent.ResultId, linkedFlow.Variables.Select(v =>
                new SessionVariable(v.Id, v.Name, ExistingValue(v.Name, run.Session), v.IsSessionVariable)))
            {
                IsMergingWithParent = block.OptionFlag("mergeResults"),
            };
        if (edgeToQueue is not null)
        {
            child.QueuedEdgeIds.Add(edgeToQueue);
        }

        run.Session.Queue.Insert(0, child);
        return BlockOutcome.Next(child.AddVirtualEdge(nextGroupId, null));
    }

    /// <summary>Typebot's walk when a linked flow ends: the parent takes the child's variables back if merging.</summary>
    public static void PopFinishedFlow(TypebotSession session)
    {
        var child = session.Queue[0];
        session.Queue.RemoveAt(0);
        if (!child.IsMergingWithParent)
        {
            return;
        }

        var parent = session.Queue[0];
        foreach (var variable in parent.Variables)
        {
            if (child.ByName(variable.Name)?.Value is { } value)
            {
                variable.Value = value;
            }
        }

        foreach (var extra in child.Variables.Where(v => v.Value is not null && parent.ByName(v.Name) is null))
        {
            parent.Variables.Add(new SessionVariable(extra.Id, extra.Name, extra.Value, extra.IsSessionVariable));
        }

        foreach (var answer in child.Answers)
        {
            parent.SetAnswer(answer.Key, answer.Value);
        }
    }

    private static VariableValue? ExistingValue(string name, TypebotSession session) =>
        session.Queue.Select(frame => frame.ByName(name)).FirstOrDefault(v => v is not null)?.Value;

    private static string? ResumeEdge(FlowBlock block, FlowFrame parent)
    {
        if (parent.Flow.FindBlock(block.Id) is not { } found || found.Index + 1 >= found.Group.Blocks.Count)
        {
            return null;
        }

        return parent.AddVirtualEdge(found.Group.Id, found.Group.Blocks[found.Index + 1].Id);
    }
}
