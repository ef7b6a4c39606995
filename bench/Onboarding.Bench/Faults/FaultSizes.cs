using System.Globalization;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// How big and how long each fault scenario is. The quick variants (the xunit suite) take seconds; the long ones
/// (<c>./bench/run.sh --long</c>) write 10,000 messages per scenario and keep Chatwoot down for a 10-minute outage
/// compressed tenfold, with every bridge time constant (retry delays, poll and health intervals) compressed by the
/// same factor so the host goes through the same number of retries and polls as in the real outage.
/// </summary>
public sealed record FaultSizes
{
    public static FaultSizes Quick { get; } = new()
    {
        Name = "quick",
        Chats = 10,
        PerChat = 30,
        Outage = TimeSpan.FromSeconds(3),
        RestartDowntime = TimeSpan.FromSeconds(2),
        StormRequests = 40,
        WaitTimeout = TimeSpan.FromSeconds(45),
        HostSettings = WithGovernor(new Dictionary<string, string>
        {
            ["Bridge__FirstRetryDelay"] = "00:00:00.100",
            ["Bridge__MaxRetryDelay"] = "00:00:01",
            ["Bridge__CatchUpInterval"] = "00:00:01",
            ["Bridge__SessionCheckInterval"] = "00:00:01",
            ["Bridge__SweepInterval"] = "00:00:01",
        }, restrictionBackoff: "00:00:03"),
    };

    public static FaultSizes Long { get; } = new()
    {
        Name = "long",
        Compression = LongCompression,
        Chats = 200,
        PerChat = 50,
        Outage = TimeSpan.FromMinutes(10) / LongCompression,
        RestartDowntime = TimeSpan.FromSeconds(60) / LongCompression,
        StormRequests = 400,
        WaitTimeout = TimeSpan.FromMinutes(10),
        WebhookRetryCap = TimeSpan.FromMinutes(10) / LongCompression,
        HostSettings = Compressed(new Dictionary<string, TimeSpan>
        {
            ["Bridge__FirstRetryDelay"] = TimeSpan.FromSeconds(2),
            ["Bridge__MaxRetryDelay"] = TimeSpan.FromMinutes(5),
            ["Bridge__CatchUpInterval"] = TimeSpan.FromSeconds(30),
            ["Bridge__SessionCheckInterval"] = TimeSpan.FromSeconds(30),
            ["Bridge__SweepInterval"] = TimeSpan.FromSeconds(15),
        }).Concat(WithGovernor([], restrictionBackoff: "00:00:10")).ToDictionary(),
    };

    /// <summary>How much faster than real time the long variants run.</summary>
    public const int LongCompression = 10;

    /// <summary>How much this variant compresses the production time constants (1: not a compression, quick settings).</summary>
    public int Compression { get; init; } = 1;

    public required string Name { get; init; }

    public required int Chats { get; init; }

    public required int PerChat { get; init; }

    public int Total => Chats * PerChat;

    /// <summary>How long Chatwoot stays down in the outage scenario.</summary>
    public required TimeSpan Outage { get; init; }

    /// <summary>How long WPPConnect is away in the restart scenario.</summary>
    public required TimeSpan RestartDowntime { get; init; }

    /// <summary>How many 429s each storm answers (re-armed every half second while the phones write).</summary>
    public required int StormRequests { get; init; }

    /// <summary>How long a scenario may wait for everything to reach Chatwoot before what is missing counts as lost.</summary>
    public required TimeSpan WaitTimeout { get; init; }

    /// <summary>
    /// The longest wait between two deliveries of a Cloud API webhook the fake retries (Meta's gaps grow to hours; here
    /// they stop growing at this, so a scenario's wait holds the retries that bring what the host missed).
    /// </summary>
    public TimeSpan WebhookRetryCap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bridge time constants for the host these scenarios run against.</summary>
    public required IReadOnlyDictionary<string, string> HostSettings { get; init; }

    public RigOptions RigOptions(string? logDirectory) => new() { Name = "faults-" + Name, Settings = HostSettings, LogDirectory = logDirectory };

    /// <summary>
    /// The governor for the number-safety scenarios, fast enough for seconds instead of hours: the budgets are far above
    /// what the scenarios send (replies 6,000 and notices 600 a minute instead of 30 and 8), gaps of 20–80 ms instead of
    /// 1.5–5 s, typing at most 50 ms, the ramp over 5 s instead of 10 minutes (still from 25%), a restriction pausing
    /// notices for <paramref name="restrictionBackoff"/> instead of 6 hours, held rows rechecked every 200 ms, and no cap
    /// on new chats (the chats that never wrote are new chats). The rules themselves (classes, pause, session wait, the
    /// no-cold window) are production's.
    /// </summary>
    private static Dictionary<string, string> WithGovernor(Dictionary<string, string> settings, string restrictionBackoff)
    {
        settings["Governor__Replies__PerMinute"] = "6000";
        settings["Governor__ServiceNotices__PerMinute"] = "600";
        settings["Governor__ServiceNotices__PerHour"] = "0";
        settings["Governor__ServiceNotices__PerDay"] = "0";
        settings["Governor__NewChatsPerDay"] = "0";
        settings["Governor__MinGap"] = "00:00:00.020";
        settings["Governor__MaxGap"] = "00:00:00.080";
        settings["Governor__TypingMax"] = "00:00:00.050";
        settings["Governor__RampDuration"] = "00:00:05";
        settings["Governor__RestrictionBackoff"] = restrictionBackoff;
        settings["Governor__HoldRecheck"] = "00:00:00.200";
        return settings;
    }

    private static Dictionary<string, string> Compressed(Dictionary<string, TimeSpan> production) =>
        production.ToDictionary(p => p.Key, p => (p.Value / LongCompression).ToString("c", CultureInfo.InvariantCulture));
}
