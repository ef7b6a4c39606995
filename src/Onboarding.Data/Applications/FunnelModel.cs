namespace Onboarding.Data.Applications;

/// <summary>The funnel's filters; null means all. <see cref="To"/> is included (whole days in Lisbon).</summary>
public sealed record FunnelFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>ISO code (PT-11); applies from "submitted" on.</summary>
    public string? District { get; init; }

    /// <summary>Stored vehicle type; applies from "submitted" on.</summary>
    public string? VehicleType { get; init; }

    public string? Language { get; init; }

    /// <summary>The published flow's id.</summary>
    public string? Flow { get; init; }
}

/// <summary>Stage counts and the median seconds from the previous stage (null when no application made the step).</summary>
public sealed record FunnelStageCounts
{
    public long FirstContact { get; init; }

    public long BotStarted { get; init; }

    public long Submitted { get; init; }

    public long DocumentsComplete { get; init; }

    public long UnderReview { get; init; }

    public long Approved { get; init; }

    public long Rejected { get; init; }

    public long Nudged { get; init; }

    public long Recovered { get; init; }

    public long RecoveredSubmitted { get; init; }

    public double? BotStartedSeconds { get; init; }

    public double? SubmittedSeconds { get; init; }

    public double? DocumentsCompleteSeconds { get; init; }

    public double? UnderReviewSeconds { get; init; }

    public double? ApprovedSeconds { get; init; }

    public double? RejectedSeconds { get; init; }
}

/// <summary>How many applications reached a question, and how many of those not submitted stopped there.</summary>
public sealed record FunnelQuestionCounts(string BlockId, int Reached, int StoppedHere);

/// <summary>One week (Monday, Lisbon) of the cohort.</summary>
public sealed record FunnelWeek
{
    public DateTime Week { get; init; }

    public int FirstContact { get; init; }

    public int BotStarted { get; init; }

    public int Submitted { get; init; }

    public int Approved { get; init; }

    public int Recovered { get; init; }
}

public sealed record FunnelData(bool DocumentsStage, FunnelStageCounts Stages, IReadOnlyList<FunnelQuestionCounts> Questions, IReadOnlyList<FunnelWeek> Weeks);
