using Onboarding.Bridge;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Bench.Hosting;

/// <summary>How a <see cref="BridgeRig"/> is set up.</summary>
public sealed record RigOptions
{
    /// <summary>Whether the fake WPPConnect posts webhooks to the host (off: only the catch-up poll brings messages).</summary>
    public bool Webhooks { get; init; } = true;

    /// <summary>
    /// The fake WPPConnect's seeded delay before each webhook post (null: the fake's default, which reorders webhooks
    /// as the real server's unawaited posts do). The load rig sets zero: the real server posts at once, so a measured
    /// latency that included the delay would time the fake, not the host.
    /// </summary>
    public TimeSpan? WppWebhookJitter { get; init; }

    /// <summary>Host settings on top of <see cref="HostSettings"/> (e.g. <c>Bridge__CatchUpInterval</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Names the database and the host's log file.</summary>
    public string Name { get; init; } = "bench";

    /// <summary>Where the host's log goes (default: the system's temporary folder).</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Changes to the fake Chatwoot's options before it starts (e.g. its Rack::Attack-like throttle).</summary>
    public Action<FakeChatwootOptions>? Chatwoot { get; init; }

    /// <summary>
    /// How the host talks to WhatsApp: <see cref="WhatsAppTransport.CloudApi"/> also starts the fake Cloud API, posting
    /// its signed webhooks to the host's <c>/webhooks/cloudapi</c>, and points the host at it.
    /// </summary>
    public WhatsAppTransport Transport { get; init; } = WhatsAppTransport.WppConnect;

    /// <summary>Changes to the fake Cloud API's options before it starts (e.g. Meta's webhook retry delays).</summary>
    public Action<FakeCloudApiOptions>? CloudApi { get; init; }
}
