using System.Globalization;
using System.Text;

namespace Onboarding.Bench.Faults;

/// <summary>The fault suites' table, the same over either transport: one row per scenario, the time scale, the verdict.</summary>
public static class FaultTable
{
    public static void AppendRows(StringBuilder md, IReadOnlyList<FaultOutcome> outcomes)
    {
        md.AppendLine("| scenario | lost | duplicated | out of order | sent while paused | sent | in Chatwoot | all in Chatwoot after the fault ended | took | what happened |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var o in outcomes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {o.Scenario} | {o.Counts.Lost} | {o.Counts.Duplicated} | {o.Counts.OutOfOrder} | {o.SentWhilePaused} | {o.Counts.Sent} | {o.Counts.Mirrored} | {o.Recovery.TotalSeconds:F1} s | {o.Took.TotalSeconds:F1} s | {o.Detail} |");
        }

        md.AppendLine();
    }

    public static void AppendCompression(StringBuilder md, FaultSizes sizes)
    {
        if (sizes.Compression > 1)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Time constants compressed {sizes.Compression}× (outage {sizes.Outage.TotalSeconds:F0} s for 10 minutes; retry delays, poll and health intervals alike): a wait for a retry or a poll lasts {sizes.Compression}× longer in real time, processing does not.");
            md.AppendLine();
        }
    }

    public static string Verdict(IReadOnlyList<FaultOutcome> outcomes) =>
        outcomes.All(o => o.Clean) ? "Every scenario: zero lost, zero duplicated, zero out of order, nothing sent while paused (target met)."
            : "**Target missed**: " + string.Join(", ", outcomes.Where(o => !o.Clean).Select(o => o.Scenario)) + ".";
}
