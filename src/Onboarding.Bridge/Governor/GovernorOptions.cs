namespace Onboarding.Bridge.Governor;

/// <summary>
/// How the number sends (section <c>Governor</c>, docs/0027, 0028). The defaults follow community guidance for
/// unofficial WhatsApp clients; WhatsApp publishes no limits, and no value here makes an unofficial client safe.
/// </summary>
public sealed class GovernorOptions
{
    public const string Section = "Governor";

    /// <summary>Off: WhatsApp sends are neither budgeted nor held (the session wait and the no-cold rule included).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Replies to drivers who are writing, for the whole number (30 a minute).</summary>
    public BudgetLimits Replies { get; set; } = new() { PerMinute = 30 };

    /// <summary>Proactive messages for the whole number (8 a minute, 200 an hour, 1,500 a day).</summary>
    public BudgetLimits ServiceNotices { get; set; } = new() { PerMinute = 8, PerHour = 200, PerDay = 1500 };

    /// <summary>Service notices a day to chats the number never wrote to before (0: no cap; replies are never counted).</summary>
    public int NewChatsPerDay { get; set; } = 20;

    /// <summary>Shortest random gap between two service notices of the number.</summary>
    public TimeSpan MinGap { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Longest random gap between two service notices of the number.</summary>
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>"Typing…" shown before a text, per character of the text.</summary>
    public TimeSpan TypingPerCharacter { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>The longest "typing…" before one text.</summary>
    public TimeSpan TypingMax { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Right after a reconnection the budgets are this share of their limits…</summary>
    public double RampStart { get; set; } = 0.25;

    /// <summary>…and grow linearly to the full limits over this time.</summary>
    public TimeSpan RampDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A service notice goes only to a chat where the driver wrote within this window.</summary>
    public TimeSpan ColdWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long service notices pause after WhatsApp answers a send with a restriction (463).</summary>
    public TimeSpan RestrictionBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A service notice still queued after this long (a long logout) expires with a note to agents.</summary>
    public TimeSpan NoticeMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest a held row waits before the governor looks at it again.</summary>
    public TimeSpan HoldRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Over the Cloud API these limits replace the WhatsApp Web budgets, ramp and no-cold rule (docs/0044).</summary>
    public CloudApiLimits CloudApi { get; set; } = new();

    /// <summary>Seeds the random gaps (tests); empty: a different sequence each start.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>The gap and typing time for one send, with <paramref name="unit"/> in [0, 1) from the seeded source.</summary>
    public TimeSpan Gap(double unit) => MinGap + ((MaxGap - MinGap) * unit);

    public TimeSpan Typing(int characters) =>
        TimeSpan.FromTicks(Math.Min(TypingMax.Ticks, TypingPerCharacter.Ticks * Math.Max(0, characters)));

    /// <summary>The share of each limit available <paramref name="sinceConnected"/> after a reconnection.</summary>
    public double Ramp(TimeSpan? sinceConnected) =>
        sinceConnected is not { } since || RampDuration <= TimeSpan.Zero || since >= RampDuration
            ? 1.0
            : RampStart + ((1.0 - RampStart) * Math.Max(0, since.Ticks) / RampDuration.Ticks);
}

/// <summary>Permits per minute, hour and day; 0 means no limit for that window.</summary>
public sealed class BudgetLimits
{
    public int PerMinute { get; set; }
    public int PerHour { get; set; }
    public int PerDay { get; set; }
}

/// <summary>
/// Meta's published limits for a Cloud API number (https://developers.facebook.com/docs/whatsapp/messaging-limits,
/// https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput): a tier of unique chats a day that may
/// be opened by the business (a template outside the 24-hour window), and a throughput in messages per second.
/// </summary>
public sealed class CloudApiLimits
{
    /// <summary>The number's tier: 250 before business verification, then 1,000, 10,000, 100,000 (0: no cap).</summary>
    public int BusinessInitiatedPerDay { get; set; } = 1000;

    /// <summary>Messages a second for the whole number (Meta's default 80; 0: no cap).</summary>
    public int MessagesPerSecond { get; set; } = 80;
}
