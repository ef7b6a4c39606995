using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Typebot.Flows;

/// <summary>
/// Reads an exported flow the way Typebot's import does: unknown keys are ignored, missing options/content/theme/
/// settings are tolerated, only schema version 6.x is accepted and a start event is required.
/// </summary>
public static class FlowParser
{
    public static TypebotFlow Parse(string json, IReadOnlyDictionary<string, string>? placeholders = null)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FlowFormatException("The flow is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FlowFormatException($"The flow is not valid JSON: {e.Message}");
        }

        var version = Text(root["version"]) ?? throw new FlowFormatException("The flow has no version.");
        if (version != "6" && !version.StartsWith("6.", StringComparison.Ordinal))
        {
            throw new FlowFormatException($"Flow version {version} is not supported; export it from Typebot 3.x (version 6.x).");
        }

        var events = Objects(root["events"]).Select(ParseEvent).ToList();
        if (events.Count == 0 || events[0].Type != "start")
        {
            throw new FlowFormatException("Invalid typebot file: start event is missing");
        }

        var groups = Objects(root["groups"]).Select(g => ParseGroup(g, placeholders)).ToList();
        var edges = Objects(root["edges"]).Select(ParseEdge).OfType<FlowEdge>().ToList();
        var variables = Objects(root["variables"])
            .Select(v => new FlowVariable(
                Text(v["id"]) ?? "",
                Text(v["name"]) ?? "",
                v["value"]?.DeepClone(),
                v["isSessionVariable"] is JsonValue s && s.TryGetValue<bool>(out var b) && b))
            .Where(v => v.Id.Length > 0)
            .ToList();

        return new TypebotFlow(
            Text(root["id"]) ?? "",
            Text(root["name"]) ?? "My typebot",
            version,
            events,
            groups,
            edges,
            variables,
            root["settings"] as JsonObject is { } settings ? (JsonObject)settings.DeepClone() : [],
            root["theme"] as JsonObject is { } theme ? (JsonObject)theme.DeepClone() : []);
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static FlowEvent ParseEvent(JsonObject e) =>
        new(Text(e["id"]) ?? "", Text(e["type"]) ?? "", Text(e["outgoingEdgeId"]), e);

    private static FlowEdge? ParseEdge(JsonObject e)
    {
        var id = Text(e["id"]);
        var groupId = Text(e["to"]?["groupId"]);
        return id is null || groupId is null ? null : new FlowEdge(id, groupId, Text(e["to"]?["blockId"]));
    }

    private static FlowGroup ParseGroup(JsonObject g, IReadOnlyDictionary<string, string>? placeholders) =>
        new(
            Text(g["id"]) ?? "",
            Text(g["title"]) ?? "",
            Objects(g["blocks"]).Select(b => ParseBlock(b, placeholders)).ToList());

    private static FlowBlock ParseBlock(JsonObject b, IReadOnlyDictionary<string, string>? placeholders)
    {
        var raw = (JsonObject)b.DeepClone();
        var type = Text(raw["type"]) ?? "";
        if (type == BlockTypes.HttpRequest && placeholders is { Count: > 0 })
        {
            FlowPlaceholders.Apply(raw["options"]?["webhook"] as JsonObject, placeholders);
        }

        var items = Objects(raw["items"])
            .Select(i => new FlowItem(Text(i["id"]) ?? "", Text(i["outgoingEdgeId"]), i))
            .ToList();
        return new FlowBlock(
            Text(raw["id"]) ?? "",
            type,
            Text(raw["outgoingEdgeId"]),
            raw["options"] as JsonObject,
            raw["content"],
            items,
            raw);
    }
}
