using Onboarding.Data.Applications;

namespace Onboarding.Api.Features.Analytics.Funnel;

/// <summary>
/// The funnel of the applications whose first contact falls in the period: the fixed stages in order (conversion
/// from the stage before, approved and rejected both from "under review"), the questions of the flow (reached, and
/// how many applications not submitted stopped there), the weeks, and what reminders brought back.
/// </summary>
public sealed record FunnelResponse(
    IReadOnlyList<FunnelStage> Stages,
    IReadOnlyList<FunnelQuestion> Questions,
    IReadOnlyList<FunnelWeekRow> Weeks,
    FunnelReminders Reminders,
    bool DocumentsStage)
{
    public static FunnelResponse From(FunnelData data, FlowQuestionNames names)
    {
        var s = data.Stages;
        var stages = new List<FunnelStage>
        {
            new("first_contact", s.FirstContact, null, null),
            Next("bot_started", s.BotStarted, s.FirstContact, s.BotStartedSeconds),
            Next("submitted", s.Submitted, s.BotStarted, s.SubmittedSeconds),
        };
        var beforeReview = s.Submitted;
        if (data.DocumentsStage)
        {
            stages.Add(Next("documents_complete", s.DocumentsComplete, s.Submitted, s.DocumentsCompleteSeconds));
            beforeReview = s.DocumentsComplete;
        }

        stages.Add(Next("under_review", s.UnderReview, beforeReview, s.UnderReviewSeconds));
        stages.Add(Next("approved", s.Approved, s.UnderReview, s.ApprovedSeconds));
        stages.Add(Next("rejected", s.Rejected, s.UnderReview, s.RejectedSeconds));

        var questions = data.Questions
            .Select(q => (Count: q, Name: names.Name(q.BlockId)))
            .OrderBy(q => q.Name.Order).ThenBy(q => q.Count.BlockId, StringComparer.Ordinal)
            .Select(q => new FunnelQuestion(q.Count.BlockId, q.Name.GroupId, q.Name.Group, q.Name.Block, q.Count.Reached, q.Count.StoppedHere))
            .ToList();
        var weeks = data.Weeks.Select(w => new FunnelWeekRow(DateOnly.FromDateTime(w.Week), w.FirstContact, w.BotStarted, w.Submitted, w.Approved, w.Recovered)).ToList();
        return new FunnelResponse(stages, questions, weeks, new FunnelReminders(s.Nudged, s.Recovered, s.RecoveredSubmitted), data.DocumentsStage);
    }

    private static FunnelStage Next(string key, long count, long previous, double? seconds) =>
        new(key, count, previous == 0 ? null : Math.Round((double)count / previous, 4), seconds is { } x ? Math.Round(x, 1) : null);
}

/// <summary>A fixed stage: how many got there, the share of the stage before, the median seconds it took.</summary>
public sealed record FunnelStage(string Key, long Count, double? Conversion, double? MedianSeconds);

/// <summary>A question: its input block id, group (id and title from the flow export) and name; reached and stopped here.</summary>
public sealed record FunnelQuestion(string BlockId, string? GroupId, string? Group, string Name, int Reached, int StoppedHere);

public sealed record FunnelWeekRow(DateOnly Week, int FirstContact, int BotStarted, int Submitted, int Approved, int Recovered);

/// <summary>Applications sent a reminder, those that answered after one, and those of them submitted since.</summary>
public sealed record FunnelReminders(long Nudged, long Recovered, long RecoveredSubmitted);
