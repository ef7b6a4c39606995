using System.Text.Json.Nodes;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>What a logic or integration block asks the walker to do next.</summary>
/// <param name="EdgeId">The edge to follow; null with <paramref name="Stop"/> false means "next block in the group".</param>
/// <param name="Stop">Typebot's <c>outgoingEdgeId: null</c>: stop walking this group.</param>
public readonly record struct BlockOutcome(string? EdgeId, bool Stop)
{
    public static readonly BlockOutcome End = new(null, true);

    public static BlockOutcome Next(string? edgeId) => new(edgeId, false);
}

/// <summary>Everything a block executor may read or change during one chat turn.</summary>
public sealed class BlockExecution
{
    public required TypebotSession Session { get; init; }

    public required ChatTurn Turn { get; init; }

    public required TypebotEngineOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    public string? LastBubbleBlockId { get; set; }

    public FlowFrame Frame => Session.Current;

    public IReadOnlyList<SessionVariable> Variables => Session.Current.Variables;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public void AddClientSideAction(JsonObject action)
    {
        if (LastBubbleBlockId is not null)
        {
            action["lastBubbleBlockId"] = LastBubbleBlockId;
        }

        Turn.ClientSideActions.Add(action);
    }

    /// <summary>Typebot's <c>updateVariablesInSession</c>: values are stored as strings or lists of strings.</summary>
    public void SetVariable(SessionVariable variable, VariableValue? value) => variable.Value = value;
}
