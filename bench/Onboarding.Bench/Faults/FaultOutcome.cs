using System.Globalization;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Faults;

/// <summary>
/// What one fault scenario left in Chatwoot, summed over its chats; clean when nothing was lost, duplicated or
/// reordered. <see cref="Recovery"/> runs from the end of the fault (the host ready again, Chatwoot or WPPConnect
/// back, the last replay sent) to the last message created in Chatwoot.
/// </summary>
public sealed record FaultOutcome(string Scenario, AuditCounts Counts, TimeSpan Took, TimeSpan Recovery, string Detail)
{
    /// <summary>Sends the bridge made while it should have waited (a restriction's pause, a logged-out session).</summary>
    public int SentWhilePaused { get; init; }

    public bool Clean => Counts.Clean && SentWhilePaused == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario}: lost {Counts.Lost} / duplicated {Counts.Duplicated} / out of order {Counts.OutOfOrder} / sent while paused {SentWhilePaused} "
        + $"({Counts.Sent} sent, {Counts.Mirrored} in Chatwoot{(Counts.Foreign > 0 ? $", {Counts.Foreign} foreign" : "")}, {Took.TotalSeconds:F1} s, "
        + $"all in Chatwoot {Recovery.TotalSeconds:F1} s after the fault ended) — {Detail}");
}
