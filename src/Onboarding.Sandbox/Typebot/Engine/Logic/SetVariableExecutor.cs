using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Logic;

/// <summary>
/// The Set variable block: custom JavaScript expressions and the computed values that make sense outside a
/// browser and outside Typebot's WhatsApp channel.
/// </summary>
public static class SetVariableExecutor
{
    // Typebot's sessionOnlySetVariableOptions: values not saved in results.
    private static readonly HashSet<string> SessionOnlyTypes = ["Transcript"];

    public static BlockOutcome Execute(FlowBlock block, BlockExecution run)
    {
        var variable = run.Frame.ById(block.Option("variableId"));
        if (block.Option("variableId") is null)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var type = block.Option("type");
        var isCustom = type is null or "Custom";
        var code = CodeToRunOnClient(block, type);
        if (code is not null)
        {
            // On the web runtime Typebot asks the client to run this code and waits for the result.
            run.AddClientSideAction(new JsonObject
            {
                ["type"] = "setVariable",
                ["setVariable"] = new JsonObject
                {
                    ["scriptToExecute"] = new JsonObject
                    {
                        ["content"] = VariableTemplate.ParseIds(code, run.Variables),
                        ["args"] = new JsonArray(VariableTemplate.Referenced(code, run.Variables)
                            .Select(v => (JsonNode)new JsonObject { ["id"] = v.Id, ["value"] = v.Value?.ToJson() }).ToArray()),
                        ["isCode"] = isCustom && block.OptionFlag("isCode"),
                    },
                },
                ["expectsDedicatedReply"] = true,
            });
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        if (variable is null)
        {
            return BlockOutcome.Next(block.OutgoingEdgeId);
        }

        var (value, error) = Compute(block, type, variable, run);
        if (error is not null && isCustom && block.OptionFlag("isCode"))
        {
            run.Turn.Log("error", error, context: "While evaluating set variable expression");
            if (run.Frame.ById(block.Option("saveErrorInVariableId")) is { } errorVariable)
            {
                run.SetVariable(errorVariable, VariableValue.Of(error));
            }
        }

        ApplyCollateralChange(block, type, variable, run);
        run.SetVariable(variable, value);
        if (type is not null && SessionOnlyTypes.Contains(type))
        {
            variable.IsSessionVariable = true;
        }

        return BlockOutcome.Next(block.OutgoingEdgeId);
    }

    /// <summary>Evaluates a Custom expression as Typebot's <c>evaluateSetVariableExpression</c> does.</summary>
    public static (VariableValue? Value, string? Error) EvaluateExpression(string code, IReadOnlyList<SessionVariable> variables)
    {
        if (VariableTemplate.IsSingleVariable(code))
        {
            return (VariableValue.Of(VariableTemplate.Parse(code, variables, JavaScriptRunner.Inline)), null);
        }

        // Numbers with a leading zero (phone numbers, postal codes) are kept as typed instead of read as octal.
        if (!double.IsNaN(ConditionEvaluator.JsNumber(code)) && System.Text.RegularExpressions.Regex.IsMatch(code, "0[^.].+"))
        {
            return (VariableValue.Of(code), null);
        }

        var body = VariableTemplate.ParseIds(code, variables);
        body = body.Contains("return ", StringComparison.Ordinal) ? body : "return " + body;
        try
        {
            return (JavaScriptRunner.RunFunctionBody(body, VariableTemplate.Referenced(code, variables).Select(v => (v.Id, v.Value))), null);
        }
        catch (JavaScriptFailedException e)
        {
            return (VariableValue.Of(VariableTemplate.Parse(code, variables, JavaScriptRunner.Inline)), e.Message);
        }
    }

    private static string? CodeToRunOnClient(FlowBlock block, string? type) => type switch
    {
        "Moment of the day" => """
            const now = new Date()
            if(now.getHours() < 12) return 'morning'
            if(now.getHours() >= 12 && now.getHours() < 18) return 'afternoon'
            if(now.getHours() >= 18) return 'evening'
            """,
        "Device type" => "return window.innerWidth < 768 ? 'mobile' : 'desktop'",
        null or "Custom" when block.OptionFlag("isExecutedOnClient") && block.Option("expressionToEvaluate") is { Length: > 0 } expression => expression,
        _ => null,
    };

    private static (VariableValue? Value, string? Error) Compute(FlowBlock block, string? type, SessionVariable variable, BlockExecution run)
    {
        var variables = run.Variables;
        switch (type)
        {
            case null or "Custom":
                return block.Option("expressionToEvaluate") is { Length: > 0 } code ? EvaluateExpression(code, variables) : (null, null);
            case "Empty":
                return (null, null);
            case "Append value(s)":
                var item = VariableTemplate.Parse(block.Option("item"), variables, JavaScriptRunner.Inline);
                return (variable.Value switch
                {
                    null => VariableValue.OfList([item]),
                    { IsList: true } list => VariableValue.OfList(list.Items!.Append(item)),
                    var single => VariableValue.OfList([single.Text, item]),
                }, null);
            case "Environment name":
                return (VariableValue.Of("web"), null);
            case "Result ID" or "User ID":
                return (VariableValue.Of(run.Session.ResultId), null);
            case "Random ID":
                return (VariableValue.Of(IdGenerator.NewId()), null);
            case "Now" or "Today":
                return (VariableValue.Of(DateText(run.Now, type == "Now" ? block : null, variables)), null);
            case "Tomorrow":
                return (VariableValue.Of(DateText(run.Now.AddDays(1), block, variables)), null);
            case "Yesterday":
                return (VariableValue.Of(DateText(run.Now.AddDays(-1), block, variables)), null);
            case "Transcript":
                return (VariableValue.Of(string.Join("\n\n", run.Session.Transcript.Select(t =>
                    $"{(t.Role == "bot" ? "Assistant:" : "User:")} \"{t.Text}\""))), null);
            case "Map item with same index":
                return (MapItemWithSameIndex(block, run.Frame), null);
            case "Pop":
                return (variable.Value is null ? null : VariableValue.OfList(variable.Value.IsList ? variable.Value.Items!.SkipLast(1) : []), null);
            case "Shift":
                return (variable.Value is null ? null : VariableValue.OfList(variable.Value.IsList ? variable.Value.Items!.Skip(1) : []), null);
            default:
                // WhatsApp-only values (Phone number, Contact name, referral ids) are unknown to the chat API.
                return (null, null);
        }
    }

    private static string DateText(DateTimeOffset now, FlowBlock? block, IReadOnlyList<SessionVariable> variables)
    {
        var zone = block is null ? "" : VariableTemplate.Parse(block.Option("timeZone"), variables, JavaScriptRunner.Inline);
        if (zone.Length == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var timeZone))
        {
            return now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        var offset = local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset;
    }

    private static VariableValue? MapItemWithSameIndex(FlowBlock block, FlowFrame frame)
    {
        var parameters = block.Options?["mapListItemParams"];
        var baseList = frame.ById(parameters?["baseListVariableId"]?.GetValue<string>())?.Value;
        var baseItem = frame.ById(parameters?["baseItemVariableId"]?.GetValue<string>())?.Value;
        var targetList = frame.ById(parameters?["targetListVariableId"]?.GetValue<string>())?.Value;
        if (baseList is not { IsList: true } || baseItem is not { IsList: false, Text.Length: > 0 } || targetList is not { IsList: true })
        {
            return null;
        }

        var index = baseList.Items!.ToList().IndexOf(baseItem.Text);
        return index < 0 || index >= targetList.Items!.Count || string.IsNullOrEmpty(targetList.Items[index])
            ? null
            : VariableValue.Of(targetList.Items[index]!);
    }

    private static void ApplyCollateralChange(FlowBlock block, string? type, SessionVariable variable, BlockExecution run)
    {
        if (type is not ("Pop" or "Shift") || run.Frame.ById(block.Option("saveItemInVariableId")) is not { } target
            || variable.Value is not { IsList: true, Items.Count: > 0 } list)
        {
            return;
        }

        var item = type == "Pop" ? list.Items![^1] : list.Items![0];
        run.SetVariable(target, item is null ? null : VariableValue.Of(item));
    }

    internal static VariableValue? FromReplyText(string text)
    {
        try
        {
            return VariableValue.FromJson(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return VariableValue.Of(text);
        }
    }
}
