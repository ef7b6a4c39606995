namespace Onboarding.Data.Applications;

/// <summary>The input block a bot session waits on (the chat API's input block id; its group is in the flow export), since when, and the reminders sent so far.</summary>
public sealed record PendingQuestion
{
    public long ApplicationId { get; init; }

    public long ContactId { get; init; }

    public string BlockId { get; init; } = "";

    public DateTime Since { get; init; }

    public string? Language { get; init; }

    public string? Flow { get; init; }

    public int NudgesSent { get; init; }

    public DateTime? NudgedAt { get; init; }
}
