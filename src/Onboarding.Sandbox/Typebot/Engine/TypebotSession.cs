using Onboarding.Typebot.Flows;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>A chat session: the queue of running flows (index 0 is the current one) and where it waits.</summary>
public sealed class TypebotSession
{
    public TypebotSession(string id, string resultId, TypebotFlow flow, DateTimeOffset createdAt)
    {
        Id = id;
        ResultId = resultId;
        RootFlow = flow;
        CreatedAt = createdAt;
        Queue.Add(FlowFrame.Fresh(flow, resultId));
    }

    public string Id { get; }

    public string ResultId { get; }

    public TypebotFlow RootFlow { get; }

    public DateTimeOffset CreatedAt { get; }

    public List<FlowFrame> Queue { get; } = [];

    public FlowFrame Current => Queue[0];

    /// <summary>The input (or paused block) the session waits on; null before start and after the end.</summary>
    public string? CurrentBlockId { get; set; }

    /// <summary>Where a Return block resumes after a Jump.</summary>
    public string? ReturnMarkBlockId { get; set; }

    public bool IsEnded { get; set; }

    /// <summary>Serialises the calls on one session, as Typebot's session lock does.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public List<TranscriptEntry> Transcript { get; } = [];

    /// <summary>The prefilled values of startChat, kept so a restarted flow sees them again.</summary>
    public Dictionary<string, VariableValue?> Prefilled { get; } = [];

    /// <summary>The variables of the current flow by name, as text (lists as JSON arrays).</summary>
    public IReadOnlyDictionary<string, string?> Variables =>
        Current.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Value?.ToString());

    /// <summary>Sets variables from <see cref="Prefilled"/>; names are matched exactly and unknown names ignored.</summary>
    public void ApplyPrefilled()
    {
        foreach (var (name, value) in Prefilled)
        {
            if (Current.ByName(name) is { } variable)
            {
                variable.Value = value;
            }
        }
    }

    public void Reset()
    {
        Queue.Clear();
        Queue.Add(FlowFrame.Fresh(RootFlow, ResultId));
        ApplyPrefilled();
        CurrentBlockId = null;
        ReturnMarkBlockId = null;
        IsEnded = false;
    }
}

/// <summary>One line of the conversation as the emulator saw it.</summary>
public sealed record TranscriptEntry(string Role, string Kind, string Text, DateTimeOffset At);
