using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>Block JSON in Typebot's v6 shapes.</summary>
public static class Blocks
{
    public static JsonObject Text(string id, params string[] paragraphs) => new()
    {
        ["id"] = id,
        ["type"] = "text",
        ["content"] = new JsonObject
        {
            ["richText"] = new JsonArray(paragraphs.Select(p => (JsonNode)new JsonObject
            {
                ["type"] = "p",
                ["children"] = new JsonArray(new JsonObject { ["text"] = p }),
            }).ToArray()),
        },
    };

    public static JsonObject Input(string id, string type, string? variable = null, JsonObject? options = null)
    {
        options ??= [];
        if (variable is not null)
        {
            options["variableId"] = FlowBuilder.VariableId(variable);
        }

        return new JsonObject { ["id"] = id, ["type"] = type, ["options"] = options };
    }

    public static JsonObject Choice(string id, string? variable, bool multiple, params string[] contents) =>
        ChoiceItems(id, variable, multiple, contents.Select((c, i) => new JsonObject { ["id"] = $"{id}_item{i}", ["content"] = c }).ToArray());

    public static JsonObject ChoiceItems(string id, string? variable, bool multiple, params JsonObject[] items)
    {
        var options = new JsonObject { ["isMultipleChoice"] = multiple };
        if (variable is not null)
        {
            options["variableId"] = FlowBuilder.VariableId(variable);
        }

        return new JsonObject { ["id"] = id, ["type"] = "choice input", ["items"] = new JsonArray(items), ["options"] = options };
    }

    public static JsonObject SetVariable(string id, string variable, JsonObject? options = null)
    {
        options ??= [];
        options["variableId"] = FlowBuilder.VariableId(variable);
        return new JsonObject { ["id"] = id, ["type"] = "Set variable", ["options"] = options };
    }

    public static JsonObject SetExpression(string id, string variable, string expression) =>
        SetVariable(id, variable, new JsonObject { ["expressionToEvaluate"] = expression, ["isCode"] = true });

    public static JsonObject Condition(string id, params JsonObject[] items) =>
        new() { ["id"] = id, ["type"] = "Condition", ["items"] = new JsonArray(items) };

    public static JsonObject ConditionItem(string id, string logicalOperator, params JsonObject[] comparisons) => new()
    {
        ["id"] = id,
        ["content"] = new JsonObject { ["logicalOperator"] = logicalOperator, ["comparisons"] = new JsonArray(comparisons) },
    };

    public static JsonObject Comparison(string variable, string comparisonOperator, string? value = null)
    {
        var comparison = new JsonObject
        {
            ["id"] = "c_" + Guid.NewGuid().ToString("N")[..8],
            ["variableId"] = FlowBuilder.VariableId(variable),
            ["comparisonOperator"] = comparisonOperator,
        };
        if (value is not null)
        {
            comparison["value"] = value;
        }

        return comparison;
    }

    public static JsonObject Of(string id, string type, JsonObject? options = null) =>
        new() { ["id"] = id, ["type"] = type, ["options"] = options ?? [] };
}
