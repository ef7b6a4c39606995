using System.Diagnostics.Metrics;

namespace Onboarding.Bridge.Inbound;

/// <summary>Meter <c>Onboarding.Bridge</c>: what the bridge did, for Prometheus/OTLP.</summary>
public static class InboundMetrics
{
    public const string MeterName = "Onboarding.Bridge";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "onboarding.inbound.mirror_latency", "ms", "From receiving a WhatsApp message to its Chatwoot message");

    public static void Mirrored(TimeSpan latency) => Latency.Record(latency.TotalMilliseconds);
}
