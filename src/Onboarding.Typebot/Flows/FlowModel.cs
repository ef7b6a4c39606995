using System.Text.Json.Nodes;

namespace Onboarding.Typebot.Flows;

/// <summary>A group of the flow graph; execution enters at block 0 unless an edge names a block.</summary>
public sealed record FlowGroup(string Id, string Title, IReadOnlyList<FlowBlock> Blocks);

/// <summary>
/// One block. Options, content and items stay as JSON so unknown keys survive and the input block can be echoed
/// back in chat responses as Typebot does.
/// </summary>
public sealed record FlowBlock(
    string Id,
    string Type,
    string? OutgoingEdgeId,
    JsonObject? Options,
    JsonNode? Content,
    IReadOnlyList<FlowItem> Items,
    JsonObject Raw)
{
    public string? Option(string name) => Options?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool OptionFlag(string name) => Options?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}

/// <summary>A button or condition item with its own outgoing edge.</summary>
public sealed record FlowItem(string Id, string? OutgoingEdgeId, JsonObject Raw)
{
    /// <summary>Button text (choice items) or null when the content is an object (condition items).</summary>
    public string? ContentText => Raw["content"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Value => Raw["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

public sealed record FlowEdge(string Id, string ToGroupId, string? ToBlockId);

public sealed record FlowEvent(string Id, string Type, string? OutgoingEdgeId, JsonObject Raw);

public sealed record FlowVariable(string Id, string Name, JsonNode? InitialValue, bool IsSessionVariable);
