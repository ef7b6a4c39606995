using System.Diagnostics.Metrics;

namespace Onboarding.Api.Observability;

/// <summary>Meter <c>Onboarding.Api</c>: registrations by outcome (Prometheus <c>onboarding_registrations_total</c>).</summary>
public static class ApiMetrics
{
    public const string MeterName = "Onboarding.Api";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>(
        "onboarding.registrations", null, "Calls of POST /register_driver_typebot by outcome (created, updated, invalid, conflict, replayed)");

    public static void Registration(string outcome) => Registrations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
