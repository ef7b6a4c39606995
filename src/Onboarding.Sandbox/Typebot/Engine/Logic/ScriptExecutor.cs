using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>
/// The Code block. Typebot runs it in the browser by default (a <c>scriptToExecute</c> client-side action that
/// does not wait); server-side scripts run in the interpreter, with <c>setVariable(name, value)</c> available.
/// </summary>
public static class ScriptExecutor
{
    public static BlockOutcome Execute(FlowBlock block, BlockExecution run)
    {
        var content = block.Option("content");
        if (string.IsNullOrEmpty(content))
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var onClient = block.Options?["isExecutedOnClient"] is not JsonValue v || !v.TryGetValue<bool>(out var client) || client;
        if (onClient)
        {
            run.AddClientSideAction(new JsonObject
            {
                ["type"] = "scriptToExecute",
                ["scriptToExecute"] = new JsonObject
                {
                    ["content"] = VariableTemplate.ParseIds(content, run.Variables),
                    ["args"] = new JsonArray(VariableTemplate.Referenced(content, run.Variables)
                        .Select(x => (JsonNode)new JsonObject { ["id"] = x.Id, ["value"] = x.Value?.ToJson() }).ToArray()),
                },
            });
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        // setVariable calls are collected as a returned object so the interpreter needs no host callbacks.
        var body = "var __updates = {}; function setVariable(name, value) { __updates[name] = value; }\n"
            + VariableTemplate.ParseIds(content, run.Variables) + "\n;return JSON.stringify(__updates);";
        try
        {
            var updates = JavaScriptRunner.RunFunctionBody(body, VariableTemplate.Referenced(content, run.Variables).Select(x => (x.Id, x.Value)));
            if (updates?.Text is { } json && JsonNode.Parse(json) is JsonObject changes)
            {
                foreach (var (name, value) in changes)
                {
                    if (run.Frame.ByName(name) is { } variable)
                    {
                        run.SetVariable(variable, VariableValue.FromJson(value));
                    }
                }
            }
        }
        catch (JavaScriptFailedException e)
        {
            run.Turn.Log("error", "Script block failed", e.Message);
        }

        return BlockOutcome.Next(block.OutgoingEdgeId);
    }
}
