using System.Diagnostics.Metrics;

namespace Onboarding.Bridge.Observability;

/// <summary>
/// Meter <c>Onboarding.Bridge</c>: what the bridge does, for Prometheus (names after the exporter's conversion in
/// comments; <c>deploy/prometheus/alerts.yml</c> relies on them) and OTLP.
/// </summary>
public static class BridgeMetrics
{
    public const string MeterName = "Onboarding.Bridge";

    private static readonly Meter Meter = new(MeterName);

    // onboarding_bridge_inbound_latency_seconds
    private static readonly Histogram<double> InboundLatency = Meter.CreateHistogram<double>(
        "onboarding.bridge.inbound.latency", "s", "From receiving a WhatsApp message to its Chatwoot message");

    // onboarding_bridge_outbound_latency_seconds
    private static readonly Histogram<double> OutboundLatency = Meter.CreateHistogram<double>(
        "onboarding.bridge.outbound.latency", "s", "From enqueuing a message for WhatsApp to WPPConnect accepting it");

    // onboarding_bridge_retries_total
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "onboarding.bridge.retries", null, "Failed attempts that were scheduled again");

    // onboarding_bridge_skipped_total
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>(
        "onboarding.bridge.skipped", null, "Inbound messages not mirrored, by reason (group, broadcast, too_old, echo, …)");

    // onboarding_bridge_poison_rows_total
    private static readonly Counter<long> Poison = Meter.CreateCounter<long>(
        "onboarding.bridge.poison_rows", null, "Rows failed at once because retrying cannot help, by path and reason (format, http_400, host_unresolved, …)");

    // onboarding_bridge_dropped_total
    private static readonly Counter<long> Dropped = Meter.CreateCounter<long>(
        "onboarding.bridge.dropped", null, "Chatwoot side effects dropped because their target no longer exists, by kind");

    // onboarding_bridge_order_peeks_total
    private static readonly Counter<long> OrderPeeks = Meter.CreateCounter<long>(
        "onboarding.bridge.order_peeks", null, "Chat reads before mirroring a fresh webhook row, by outcome (placed, recorded, failed)");

    // onboarding_bridge_inbound_late_total
    private static readonly Counter<long> Late = Meter.CreateCounter<long>(
        "onboarding.bridge.inbound.late", null, "Cloud API messages mirrored after a later message of their chat (shown to agents with their WhatsApp time)");

    // onboarding_bot_handoffs_total
    private static readonly Counter<long> Handoffs = Meter.CreateCounter<long>(
        "onboarding.bot.handoffs", null, "Conversations handed from the bot to agents, by reason");

    private static long _backlog;
    private static long _outboxDepth;
    private static long _deadLetters;
    private static int _sessionConnected = -1;

    static BridgeMetrics()
    {
        // onboarding_bridge_inbound_backlog, onboarding_bridge_outbox_depth, onboarding_bridge_dead_letters
        Meter.CreateObservableGauge("onboarding.bridge.inbound.backlog", () => Interlocked.Read(ref _backlog), null, "Inbound messages waiting to be mirrored");
        Meter.CreateObservableGauge("onboarding.bridge.outbox.depth", () => Interlocked.Read(ref _outboxDepth), null, "Outbox rows waiting to be sent");
        Meter.CreateObservableGauge("onboarding.bridge.dead_letters", () => Interlocked.Read(ref _deadLetters), null, "Outbox rows given up (dead letters)");

        // onboarding_wppconnect_session_connected: 1 connected, 0 not, absent until the first check.
        Meter.CreateObservableGauge("onboarding.wppconnect.session.connected", () => Volatile.Read(ref _sessionConnected) is var v and >= 0
            ? [new Measurement<int>(v)] : Array.Empty<Measurement<int>>(), null, "Whether the WhatsApp session is connected");
    }

    public static void Mirrored(TimeSpan latency) => InboundLatency.Record(latency.TotalSeconds);

    public static void Sent(TimeSpan latency) => OutboundLatency.Record(latency.TotalSeconds);

    public static void Retried(string path) => Retries.Add(1, new KeyValuePair<string, object?>("path", path));

    public static void Poisoned(string path, string reason) =>
        Poison.Add(1, new KeyValuePair<string, object?>("path", path), new KeyValuePair<string, object?>("reason", reason));

    public static void DroppedEffect(string kind) => Dropped.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void SkippedInbound(string reason) => Skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void ArrivedLate() => Late.Add(1);

    public static void OrderPeeked(string outcome) => OrderPeeks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void HandedOff(string reason) => Handoffs.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void Depths(long backlog, long outbox, long dead)
    {
        Interlocked.Exchange(ref _backlog, backlog);
        Interlocked.Exchange(ref _outboxDepth, outbox);
        Interlocked.Exchange(ref _deadLetters, dead);
    }

    public static void SessionConnected(bool connected) => Volatile.Write(ref _sessionConnected, connected ? 1 : 0);
}
