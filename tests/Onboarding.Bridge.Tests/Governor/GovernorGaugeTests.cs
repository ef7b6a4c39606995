using System.Diagnostics.Metrics;
using Onboarding.Bridge.Governor;
using Onboarding.Bridge.Observability;

namespace Onboarding.Bridge.Tests.Governor;

/// <summary>
/// A replica exports the governor's gauges only while someone (its sends, or the sweep) set them lately: a value it
/// last saw long ago is withheld, not reported as current.
/// </summary>
[Collection(GovernorGaugeCollection.Name)]
public sealed class GovernorGaugeTests : IDisposable
{
    private readonly TimeSpan _freshFor = GovernorMetrics.FreshFor;

    public void Dispose() => GovernorMetrics.FreshFor = _freshFor;

    [Fact]
    public void A_value_set_lately_is_exported()
    {
        GovernorMetrics.FreshFor = TimeSpan.FromMinutes(1);
        GovernorMetrics.Paused(true);
        GovernorMetrics.Usage(new BudgetUsage("whatsapp.service_notices", 3, 8, 50, 200, 400, 1500, null));

        var seen = Collect();

        seen.ShouldContain(("onboarding.governor.paused", 1L, ""));
        seen.ShouldContain(("onboarding.governor.budget_used", 50L, "whatsapp.service_notices/hour"));
        GovernorMetrics.Paused(false);
        Collect().ShouldContain(("onboarding.governor.paused", 0L, ""));
    }

    [Fact]
    public void A_value_older_than_the_freshness_window_is_withheld()
    {
        GovernorMetrics.FreshFor = TimeSpan.FromMilliseconds(-1);
        GovernorMetrics.Paused(true);
        GovernorMetrics.SessionWait(true);

        var seen = Collect();

        seen.ShouldNotContain(s => s.Name.StartsWith("onboarding.governor.", StringComparison.Ordinal));
    }

    private static List<(string Name, long Value, string Tags)> Collect()
    {
        var seen = new List<(string, long, string)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BridgeMetrics.MeterName && instrument.Name.StartsWith("onboarding.governor.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add(tag.Value?.ToString() ?? "");
        }

        return string.Join('/', parts);
    }
}

/// <summary>The gauges are process-wide: their tests do not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GovernorGaugeCollection
{
    public const string Name = "governor-gauges";
}
