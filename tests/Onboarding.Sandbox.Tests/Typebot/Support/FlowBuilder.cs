using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>Writes small Typebot 6.1 flows for tests, with the same shape as builder exports.</summary>
public sealed class FlowBuilder
{
    private readonly JsonArray _variables = [];
    private readonly JsonArray _groups = [];
    private readonly JsonArray _edges = [];
    private readonly Dictionary<string, JsonObject> _blocks = [];
    private JsonObject _settings = [];
    private string _id = "test-flow";
    private int _edgeCount;

    public static string VariableId(string name) => "v_" + new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    public FlowBuilder Id(string id)
    {
        _id = id;
        return this;
    }

    public FlowBuilder Variables(params string[] names)
    {
        foreach (var name in names)
        {
            _variables.Add(new JsonObject { ["id"] = VariableId(name), ["name"] = name });
        }

        return this;
    }

    public FlowBuilder Variable(string name, JsonNode initialValue)
    {
        _variables.Add(new JsonObject { ["id"] = VariableId(name), ["name"] = name, ["value"] = initialValue });
        return this;
    }

    public FlowBuilder Settings(JsonObject settings)
    {
        _settings = settings;
        return this;
    }

    public FlowBuilder Group(string id, string title, params JsonObject[] blocks)
    {
        var array = new JsonArray();
        foreach (var block in blocks)
        {
            _blocks[block["id"]!.GetValue<string>()] = block;
            array.Add(block);
        }

        _groups.Add(new JsonObject { ["id"] = id, ["title"] = title, ["graphCoordinates"] = new JsonObject { ["x"] = 0, ["y"] = 0 }, ["blocks"] = array });
        return this;
    }

    /// <summary>Links a block (or one of its items) to a group, setting <c>outgoingEdgeId</c> on both sides.</summary>
    public FlowBuilder Edge(string fromBlockId, string toGroupId, string? itemId = null, string? toBlockId = null)
    {
        var id = $"e{++_edgeCount}";
        var from = new JsonObject { ["blockId"] = fromBlockId };
        var block = _blocks[fromBlockId];
        if (itemId is null)
        {
            block["outgoingEdgeId"] = id;
        }
        else
        {
            from["itemId"] = itemId;
            ((JsonArray)block["items"]!).OfType<JsonObject>().Single(i => i["id"]!.GetValue<string>() == itemId)["outgoingEdgeId"] = id;
        }

        var to = new JsonObject { ["groupId"] = toGroupId };
        if (toBlockId is not null)
        {
            to["blockId"] = toBlockId;
        }

        _edges.Add(new JsonObject { ["id"] = id, ["from"] = from, ["to"] = to });
        return this;
    }

    public string Build()
    {
        var firstGroup = _groups[0]!["id"]!.GetValue<string>();
        var edges = new JsonArray { new JsonObject { ["id"] = "e_start", ["from"] = new JsonObject { ["eventId"] = "ev_start" }, ["to"] = new JsonObject { ["groupId"] = firstGroup } } };
        foreach (var edge in _edges.ToList())
        {
            _edges.Remove(edge);
            edges.Add(edge);
        }

        return new JsonObject
        {
            ["version"] = "6.1",
            ["id"] = _id,
            ["name"] = "Test flow",
            ["events"] = new JsonArray { new JsonObject { ["id"] = "ev_start", ["type"] = "start", ["outgoingEdgeId"] = "e_start", ["graphCoordinates"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } },
            ["groups"] = _groups.DeepClone(),
            ["edges"] = edges,
            ["variables"] = _variables.DeepClone(),
            ["theme"] = new JsonObject(),
            ["settings"] = _settings.DeepClone(),
        }.ToJsonString();
    }
}
