namespace Onboarding.Data.Applications;

/// <summary>
/// What one routed message told of an application: the contact, the flow of the session, the first message's time
/// (the first contact, kept once), whether a session started, whether the driver replied (an answer to the question
/// <see cref="AnsweredBlockId"/>), and the input block the session now waits on (null when the flow ended).
/// </summary>
public sealed record BotTurnProgress
{
    public required long ContactId { get; init; }

    /// <summary>When the turn happened (the bridge's clock).</summary>
    public required DateTime At { get; init; }

    public string? Language { get; init; }

    public string? Flow { get; init; }

    public DateTime? FirstMessageAt { get; init; }

    public bool Started { get; init; }

    public bool Replied { get; init; }

    public string? AnsweredBlockId { get; init; }

    public string? ReachedBlockId { get; init; }
}
