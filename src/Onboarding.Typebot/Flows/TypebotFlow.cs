using System.Text.Json.Nodes;

namespace Onboarding.Typebot.Flows;

/// <summary>An exported Typebot flow (schema version 6.x), parsed leniently.</summary>
public sealed class TypebotFlow
{
    private readonly Dictionary<string, FlowEdge> _edges;
    private readonly Dictionary<string, (FlowGroup Group, int Index)> _blocks = [];

    public TypebotFlow(
        string id,
        string name,
        string version,
        IReadOnlyList<FlowEvent> events,
        IReadOnlyList<FlowGroup> groups,
        IReadOnlyList<FlowEdge> edges,
        IReadOnlyList<FlowVariable> variables,
        JsonObject settings,
        JsonObject theme)
    {
        Id = id;
        Name = name;
        Version = version;
        Events = events;
        Groups = groups;
        Variables = variables;
        Settings = settings;
        Theme = theme;
        _edges = edges.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Blocks.Count; i++)
            {
                _blocks.TryAdd(group.Blocks[i].Id, (group, i));
            }
        }
    }

    public string Id { get; }

    public string Name { get; }

    public string Version { get; }

    public IReadOnlyList<FlowEvent> Events { get; }

    public IReadOnlyList<FlowGroup> Groups { get; }

    public IReadOnlyList<FlowVariable> Variables { get; }

    public JsonObject Settings { get; }

    public JsonObject Theme { get; }

    public IEnumerable<FlowEdge> Edges => _edges.Values;

    public FlowEvent StartEvent => Events.First(e => e.Type == "start");

    /// <summary><c>settings.general.systemMessages.invalidMessage</c>, the retry text of most inputs.</summary>
    public string? InvalidMessage =>
        Settings["general"]?["systemMessages"]?["invalidMessage"] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : null;

    public bool IsInputPrefillEnabled =>
        Settings["general"]?["isInputPrefillEnabled"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public FlowEdge? FindEdge(string? id) => id is not null && _edges.TryGetValue(id, out var edge) ? edge : null;

    public FlowGroup? FindGroup(string? id) => Groups.FirstOrDefault(g => g.Id == id);

    public (FlowGroup Group, int Index)? FindBlock(string? id) =>
        id is not null && _blocks.TryGetValue(id, out var found) ? found : null;

    public FlowVariable? FindVariable(string? id) => Variables.FirstOrDefault(v => v.Id == id);
}
