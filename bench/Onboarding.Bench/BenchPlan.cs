namespace Onboarding.Bench;

/// <summary>How much each scenario does: the full run, or <c>--quick</c> (same scenarios, smaller counts and shorter windows).</summary>
public sealed record BenchPlan
{
    public required bool Quick { get; init; }

    /// <summary><c>--long</c>: the fault suite's long variants after everything else.</summary>
    public bool Long { get; init; }

    /// <summary>Scenario names to run (<c>--only a,b</c>); empty runs all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Host settings added for a diagnosis run (<c>--set</c>); empty for the reference figures.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    public int FloorSamples => Quick ? 300 : 1000;

    public int LatencyChats => 20;

    public int LatencySamples => Quick ? 300 : 1000;

    /// <summary>Mean gap between two latency probes (open loop, exponential gaps): a light load.</summary>
    public TimeSpan LatencyMeanGap => TimeSpan.FromMilliseconds(25);

    public int OutboundSamples => Quick ? 100 : 300;

    public int ThroughputChats => 200;

    public TimeSpan ThroughputWindow => TimeSpan.FromSeconds(Quick ? 20 : 60);

    /// <summary>Offered load, above the 300/s target so the figure shows what the host sustains, not what it was given.</summary>
    public int OfferedPerSecond { get; init; } = 400;

    public int BacklogChats => 200;

    public int BacklogMessages => Quick ? 2_000 : 10_000;

    /// <summary>
    /// How long Chatwoot stays down at least: long enough for the bridge's retry backoff (production defaults) to grow
    /// as it does in a real outage, since the drain after the return starts where the backoff left each chat.
    /// </summary>
    public TimeSpan BacklogOutage => TimeSpan.FromSeconds(Quick ? 15 : 60);

    public int ChatwootLimitChats => 200;

    /// <summary>Offered load against the Chatwoot budget: above its 40 a second, so the figure is what the budget lets through.</summary>
    public int ChatwootLimitOffered => 60;

    /// <summary>Longer than a minute: the budget counts a sliding minute, so only the seconds after the first show its steady rate.</summary>
    public TimeSpan ChatwootLimitWindow => TimeSpan.FromSeconds(Quick ? 90 : 180);

    /// <summary>Above one minute's budget (2,400) in either mode, so the drain runs at the budget's steady rate.</summary>
    public int ChatwootLimitBacklog => Quick ? 4_000 : 10_000;

    public int RegisterClients => 32;

    public TimeSpan RegisterWindow => TimeSpan.FromSeconds(Quick ? 5 : 15);

    /// <summary>Longer than one catch-up interval (30 s by default), so the idle figure includes a pass over the recent chats.</summary>
    public TimeSpan SettleBeforeSteadyRss => TimeSpan.FromSeconds(35);

    public TimeSpan IdleBeforeRuns => TimeSpan.FromSeconds(5);

    public int PollSamples => Quick ? 20 : 60;

    /// <summary>Mean gap between two messages on the polling reference (uniform 0–2 s: random moments against a 5 s poll).</summary>
    public TimeSpan PollMaxGap => TimeSpan.FromSeconds(2);

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);
}
