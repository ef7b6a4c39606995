using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Onboarding.Bridge.Observability;

namespace Onboarding.Bridge.Governor;

/// <summary>The governor's metrics on the bridge's meter (Prometheus names in comments; alerts.yml relies on them).</summary>
public static class GovernorMetrics
{
    private static readonly Meter Meter = new(BridgeMetrics.MeterName);

    // onboarding_governor_held_total
    private static readonly Counter<long> Held = Meter.CreateCounter<long>(
        "onboarding.governor.held", null, "WhatsApp sends held back, by class and reason (budget, gap, session, restricted)");

    // onboarding_governor_cold_skipped_total
    private static readonly Counter<long> Cold = Meter.CreateCounter<long>(
        "onboarding.governor.cold_skipped", null, "Service notices not sent because the driver had not written within the window");

    // onboarding_governor_expired_total
    private static readonly Counter<long> Expired = Meter.CreateCounter<long>(
        "onboarding.governor.expired", null, "Service notices that waited longer than Governor:NoticeMaxAge and were not sent");

    // onboarding_governor_restrictions_total
    private static readonly Counter<long> Restrictions = Meter.CreateCounter<long>(
        "onboarding.governor.restrictions", null, "Sends WhatsApp answered with a restriction (463)");

    private static readonly ConcurrentDictionary<(string Budget, string Window), long> Used = new();
    private static int _paused;
    private static int _sessionWait;
    private static long _freshUntil;
    private static long _freshForMs = 60_000;

    static GovernorMetrics()
    {
        // onboarding_governor_paused: 1 while service notices are paused after a restriction.
        Meter.CreateObservableGauge("onboarding.governor.paused", () => Fresh(Volatile.Read(ref _paused)), null,
            "1 while service notices are paused after a restriction");

        // onboarding_governor_session_wait: 1 while the WhatsApp lane waits for the session.
        Meter.CreateObservableGauge("onboarding.governor.session_wait", () => Fresh(Volatile.Read(ref _sessionWait)), null,
            "1 while the WhatsApp lane waits for the session to be connected");

        // onboarding_governor_budget_used{budget, window}
        Meter.CreateObservableGauge("onboarding.governor.budget_used", () => !IsFresh ? [] : Used.Select(u =>
            new Measurement<long>(u.Value, new KeyValuePair<string, object?>("budget", u.Key.Budget), new KeyValuePair<string, object?>("window", u.Key.Window))),
            null, "Permits a budget granted in the last minute, hour and day");
    }

    public static void HeldBack(string messageClass, string reason) =>
        Held.Add(1, new KeyValuePair<string, object?>("class", messageClass), new KeyValuePair<string, object?>("reason", reason));

    public static void ColdSkipped() => Cold.Add(1);

    public static void NoticeExpired() => Expired.Add(1);

    public static void Restricted() => Restrictions.Add(1);

    /// <summary>
    /// How long a value stays exported after it was last set. The values are the cluster's (read from Postgres), set
    /// by the replica that sends and by the clustered sweep, which runs on one replica at a time: a replica that has
    /// done neither for this long exports nothing rather than what was true when it last looked.
    /// </summary>
    public static TimeSpan FreshFor
    {
        get => TimeSpan.FromMilliseconds(Interlocked.Read(ref _freshForMs));
        set => Interlocked.Exchange(ref _freshForMs, (long)value.TotalMilliseconds);
    }

    public static void Paused(bool paused)
    {
        Volatile.Write(ref _paused, paused ? 1 : 0);
        Touch();
    }

    public static void SessionWait(bool waiting)
    {
        Volatile.Write(ref _sessionWait, waiting ? 1 : 0);
        Touch();
    }

    public static void Usage(BudgetUsage usage)
    {
        Touch();
        Used[(usage.Name, "minute")] = usage.Minute;
        Used[(usage.Name, "hour")] = usage.Hour;
        Used[(usage.Name, "day")] = usage.Day;
    }

    private static bool IsFresh => Environment.TickCount64 <= Interlocked.Read(ref _freshUntil);

    private static void Touch() => Interlocked.Exchange(ref _freshUntil, Environment.TickCount64 + Interlocked.Read(ref _freshForMs));

    private static IEnumerable<Measurement<int>> Fresh(int value) => IsFresh ? [new Measurement<int>(value)] : [];
}
