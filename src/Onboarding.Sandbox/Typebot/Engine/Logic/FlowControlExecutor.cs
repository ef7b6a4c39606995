using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>Blocks that move the walk elsewhere: Condition, Jump, Return, AB test, Redirect and Wait.</summary>
public static class FlowControlExecutor
{
    public static BlockOutcome Condition(FlowBlock block, BlockExecution run)
    {
        var passed = block.Items.FirstOrDefault(item => ConditionEvaluator.Evaluate(item.Raw["content"], run.Variables));
        if (passed is null)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        // A matching condition without an edge stops the walk, as in Typebot.
        return passed.OutgoingEdgeId is null ? BlockOutcome.End : BlockOutcome.Next(passed.OutgoingEdgeId);
    }

    public static BlockOutcome Jump(FlowBlock block, BlockExecution run)
    {
        var groupId = block.Option("groupId");
        if (groupId is null)
        {
            return BlockOutcome.Next(null);
        }

        var flow = run.Frame.Flow;
        var groupTitle = VariableTemplate.IsSingleVariable(groupId) ? VariableTemplate.Parse(groupId, run.Variables, JavaScriptRunner.Inline) : null;
        var group = groupTitle is not null ? flow.Groups.FirstOrDefault(g => g.Title == groupTitle) : flow.FindGroup(groupId);
        if (group is null)
        {
            run.Turn.Log("error", "Group to jump to is not found", $$"""{"groupIdOrTitle":{{JsJson.Quote(groupTitle ?? groupId)}},"jumpBlockId":{{JsJson.Quote(block.Id)}}}""", "Error while executing Jump block");
            return BlockOutcome.End;
        }

        var blockId = block.Option("blockId");
        var target = group.Blocks.FirstOrDefault(b => b.Id == blockId);
        if (blockId is not null && target is null)
        {
            run.Turn.Log("error", "Block to jump to is not found", null, "Error while executing Jump block");
            return BlockOutcome.End;
        }

        var edgeId = run.Frame.AddVirtualEdge(group.Id, target?.Id);
        if (NextBlockAfter(block.Id, run.Frame) is { } next)
        {
            run.Session.ReturnMarkBlockId = next;
        }

        return BlockOutcome.Next(edgeId);
    }

    public static BlockOutcome Return(BlockExecution run)
    {
        var blockId = run.Session.ReturnMarkBlockId;
        if (blockId is null)
        {
            return BlockOutcome.Next(null);
        }

        if (run.Frame.Flow.FindBlock(blockId) is not { } found)
        {
            run.Turn.Log("error", "Could not find block to return to", null, "Error while executing Return block");
            return BlockOutcome.End;
        }

        run.Session.ReturnMarkBlockId = null;
        return BlockOutcome.Next(run.Frame.AddVirtualEdge(found.Group.Id, blockId));
    }

    public static BlockOutcome AbTest(FlowBlock block, BlockExecution run)
    {
        var aPercent = block.Options?["aPercent"] is JsonValue v && v.TryGetValue<double>(out var p) ? p : 50;
        var aEdge = block.Items.ElementAtOrDefault(0)?.OutgoingEdgeId;
        if (run.Options.Random.NextDouble() * 100 < aPercent && aEdge is not null)
        {
            return BlockOutcome.Next(aEdge);
        }

        return BlockOutcome.Next(block.Items.ElementAtOrDefault(1)?.OutgoingEdgeId);
    }

    public static BlockOutcome Redirect(FlowBlock block, BlockExecution run)
    {
        if (block.Option("url") is not { Length: > 0 } url)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        run.AddClientSideAction(new JsonObject
        {
            ["type"] = "redirect",
            ["redirect"] = new JsonObject
            {
                ["url"] = SanitizeUrl(VariableTemplate.Parse(url, run.Variables, JavaScriptRunner.Inline)),
                ["isNewTab"] = block.Options?["isNewTab"]?.DeepClone(),
            },
        });
        return BlockOutcome.Next(block.OutgoingEdgeId);
    }

    /// <summary>The Wait block only tells the client to pause; the server does not sleep.</summary>
    public static BlockOutcome Wait(FlowBlock block, BlockExecution run)
    {
        var seconds = block.Options?["secondsToWaitFor"]?.ToString();
        if (string.IsNullOrEmpty(seconds))
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var parsed = Inputs.InputReplyParser.SafeParseFloat(VariableTemplate.Parse(seconds, run.Variables, JavaScriptRunner.Inline));
        if (parsed is null)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var shouldPause = block.OptionFlag("shouldPause");
        if (parsed != 0 || shouldPause)
        {
            var action = new JsonObject
            {
                ["type"] = "wait",
                ["wait"] = new JsonObject { ["secondsToWaitFor"] = JsonValue.Create(parsed.Value) },
            };
            if (shouldPause)
            {
                action["expectsDedicatedReply"] = true;
            }

            run.AddClientSideAction(action);
        }

        return BlockOutcome.Next(block.OutgoingEdgeId);
    }

    /// <summary>Typebot's <c>getNextBlock</c>: the next block in the group, else the first block after its edge.</summary>
    private static string? NextBlockAfter(string blockId, FlowFrame frame)
    {
        if (frame.Flow.FindBlock(blockId) is not { } found)
        {
            return null;
        }

        if (found.Index + 1 < found.Group.Blocks.Count)
        {
            return found.Group.Blocks[found.Index + 1].Id;
        }

        var edge = frame.FindEdge(found.Group.Blocks[found.Index].OutgoingEdgeId);
        var group = frame.Flow.FindGroup(edge?.ToGroupId);
        return edge?.ToBlockId is { } to ? group?.Blocks.FirstOrDefault(b => b.Id == to)?.Id : group?.Blocks.FirstOrDefault()?.Id;
    }

    private static string SanitizeUrl(string url) =>
        url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal)
        || url.StartsWith("tel:", StringComparison.Ordinal) || url.StartsWith("sms:", StringComparison.Ordinal)
        || url.StartsWith("javascript:", StringComparison.Ordinal)
            ? url
            : "https://" + url;
}
