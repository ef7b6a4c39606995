namespace Onboarding.Bench.Scenarios;

/// <summary>The same-run baselines the figures are divided by, measured first on the same machine and host.</summary>
public sealed class Baselines
{
    /// <summary>A plain POST to the fake WPPConnect, p50 and p99 (ms).</summary>
    public (double P50, double P99) WppPost { get; set; } = (double.NaN, double.NaN);

    /// <summary>A plain POST creating a message in the fake Chatwoot, p50 and p99 (ms).</summary>
    public (double P50, double P99) ChatwootPost { get; set; } = (double.NaN, double.NaN);

    /// <summary>The physical floor of a webhook-to-create path: one hop into each fake.</summary>
    public (double P50, double P99) TwoHops => (WppPost.P50 + ChatwootPost.P50, WppPost.P99 + ChatwootPost.P99);

    /// <summary><c>GET /health/live</c> on the host, one at a time: its bare HTTP round trip (ms).</summary>
    public (double P50, double P99) HostRoundTrip { get; set; } = (double.NaN, double.NaN);

    /// <summary><c>GET /health/live</c> per second with 200 concurrent clients: the host's bare HTTP capacity.</summary>
    public double HostBarePerSecond { get; set; } = double.NaN;

    /// <summary>The webhook path's inbound latency, for the polling reference.</summary>
    public (double P50, double P99) WebhookInbound { get; set; } = (double.NaN, double.NaN);

    /// <summary>Sustained inbound messages per second, for the backlog drain.</summary>
    public double SustainedPerSecond { get; set; } = double.NaN;

    public double IdleRssMB { get; set; } = double.NaN;

    /// <summary>Processor time the host uses with no traffic, before any run (its background jobs on an empty ledger).</summary>
    public double IdleHostCores { get; set; } = double.NaN;
}
