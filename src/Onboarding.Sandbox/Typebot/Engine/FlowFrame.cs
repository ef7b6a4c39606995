using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>
/// One entry of Typebot's <c>typebotsQueue</c>: a flow with its own variables, answers, virtual edges (Jump,
/// Return, Typebot link) and the edges to resume on when a linked flow finishes.
/// </summary>
public sealed class FlowFrame
{
    private readonly Dictionary<string, FlowEdge> _virtualEdges = [];

    public FlowFrame(TypebotFlow flow, string? resultId, IEnumerable<SessionVariable> variables)
    {
        Flow = flow;
        ResultId = resultId;
        Variables = variables.ToList();
    }

    public TypebotFlow Flow { get; }

    public string? ResultId { get; }

    public List<SessionVariable> Variables { get; }

    public List<string> QueuedEdgeIds { get; } = [];

    /// <summary>Answers keyed like Typebot's results table (variable name or group title).</summary>
    public List<KeyValuePair<string, string>> Answers { get; } = [];

    public bool IsMergingWithParent { get; init; }

    public static FlowFrame Fresh(TypebotFlow flow, string? resultId) =>
        new(flow, resultId, flow.Variables.Select(v =>
            new SessionVariable(v.Id, v.Name, VariableValue.FromJson(v.InitialValue), v.IsSessionVariable)));

    public SessionVariable? ById(string? id) => Variables.FirstOrDefault(v => v.Id == id);

    public SessionVariable? ByName(string name) => Variables.FirstOrDefault(v => v.Name == name);

    public FlowEdge? FindEdge(string? id) =>
        id is not null && _virtualEdges.TryGetValue(id, out var edge) ? edge : Flow.FindEdge(id);

    public string AddVirtualEdge(string groupId, string? blockId)
    {
        var id = IdGenerator.NewId();
        _virtualEdges[id] = new FlowEdge(id, groupId, blockId);
        return id;
    }

    public void SetAnswer(string key, string value)
    {
        Answers.RemoveAll(a => a.Key == key);
        Answers.Add(new(key, value));
    }
}
