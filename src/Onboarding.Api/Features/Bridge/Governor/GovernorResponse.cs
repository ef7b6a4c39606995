namespace Onboarding.Api.Features.Bridge.Governor;

/// <summary>
/// The sending governor as the console's bridge page shows it (docs/0027, 0028): whether service notices are paused
/// and why (<c>restricted</c> until <c>PausedUntil</c>, or <c>session</c> while WhatsApp is not connected), the share
/// of each limit the ramp after a reconnection allows, the budgets used, and the notices not sent in the last day.
/// </summary>
public sealed record GovernorResponse(
    bool Enabled,
    string? Session,
    bool WaitingForSession,
    bool NoticesPaused,
    string? PausedBecause,
    DateTimeOffset? PausedUntil,
    string? PausedReason,
    double Ramp,
    IReadOnlyList<GovernorBudget> Budgets,
    GovernorSkipped SkippedLastDay);

/// <summary>
/// One budget of the number: the message class it governs (<c>reply</c>, <c>service_notice</c>, or <c>new_chat</c> for
/// notices to chats the number never wrote to), its windows, and when the gap after the last permit ends.
/// </summary>
public sealed record GovernorBudget(string Name, string Class, IReadOnlyList<BudgetWindow> Windows, DateTimeOffset? NextAt);

/// <summary>Permits granted in the window against the limit now (after the ramp); a null limit: no limit for that window.</summary>
public sealed record BudgetWindow(string Window, int Used, int? Limit);

/// <summary>Service notices not sent in the last 24 hours: the driver had not written lately, or the notice waited too long.</summary>
public sealed record GovernorSkipped(long Cold, long Expired);
