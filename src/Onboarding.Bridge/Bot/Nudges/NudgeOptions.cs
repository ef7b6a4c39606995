namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>
/// Reminders to a driver whose bot session waits at a question (section <c>Nudges</c>, docs/0040). The first goes
/// <see cref="FirstAfter"/> after the driver's last message, at most <see cref="MaxCount"/> per wait, the last one due
/// one job <see cref="Interval"/> before <see cref="LastWithin"/> and none later, inside WhatsApp's 24-hour window.
/// </summary>
public sealed class NudgeOptions
{
    public const string Section = "Nudges";

    /// <summary>WhatsApp's customer-service window, counted from the driver's last message.</summary>
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    public bool Enabled { get; set; } = true;

    public TimeSpan FirstAfter { get; set; } = TimeSpan.FromHours(2);

    public int MaxCount { get; set; } = 2;

    /// <summary>No nudge goes later than this after the driver's last message (under 24 h: the rest is the margin).</summary>
    public TimeSpan LastWithin { get; set; } = TimeSpan.FromHours(23);

    /// <summary>How often the clustered job looks for due chats.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many chats nudged per run (the rest wait for the next run).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Whole messages that stop nudges and reminders for good (compared ignoring case, accents and punctuation).</summary>
    public IList<string> StopKeywords { get; set; } = ["parar", "stop"];

    /// <summary>
    /// Flow exports (paths) whose groups name the questions and give <c>resume_at</c>, besides the shipped
    /// <c>typebot-flows/*.json</c> built into the bridge; for flows edited in Typebot and exported again.
    /// </summary>
    public IList<string> FlowExports { get; set; } = [];
}
