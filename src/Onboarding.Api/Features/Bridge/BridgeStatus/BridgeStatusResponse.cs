namespace Onboarding.Api.Features.Bridge.BridgeStatus;

/// <summary>What the console's bridge page shows: the WhatsApp session, the queues and recent latencies.</summary>
public sealed record BridgeStatusResponse(BridgeSession Session, BridgeQueues Queues, BridgeLatencies Latencies);

/// <summary>
/// The WhatsApp session as the session health job last saw it (null before its first check); <c>QrCode</c> is the
/// <c>data:image/…;base64,…</c> image WPPConnect gives while it waits for a scan.
/// </summary>
public sealed record BridgeSession(string? Status, DateTime? CheckedAt, string? LastEvent, string? QrCode);

/// <summary>Inbound messages waiting or given up, outbox rows waiting, and dead letters.</summary>
public sealed record BridgeQueues(long InboundBacklog, long InboundFailed, long Outbox, long DeadLetters);

/// <summary>Inbound: received to processed; outbox: queued to sent. Over the last rows of each, at most <c>Window</c>.</summary>
public sealed record BridgeLatencies(int Window, LatencyStats Inbound, LatencyStats Outbox);

/// <summary>Percentiles in milliseconds; null when there is no sample yet.</summary>
public sealed record LatencyStats(long Samples, double? P50Ms, double? P95Ms);
