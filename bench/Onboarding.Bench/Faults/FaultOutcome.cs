using System.Globalization;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Faults;

/// <summary>What one fault scenario left in Chatwoot, summed over its chats; clean when nothing was lost, duplicated or reordered.</summary>
public sealed record FaultOutcome(string Scenario, AuditCounts Counts, TimeSpan Took, string Detail)
{
    public bool Clean => Counts.Clean;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario}: lost {Counts.Lost} / duplicated {Counts.Duplicated} / out of order {Counts.OutOfOrder} "
        + $"({Counts.Sent} sent, {Counts.Mirrored} in Chatwoot{(Counts.Foreign > 0 ? $", {Counts.Foreign} foreign" : "")}, {Took.TotalSeconds:F1} s) — {Detail}");
}
