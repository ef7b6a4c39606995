using System.Globalization;
using System.Text;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>The nine fault scenarios, one after the other on one host (a separate process) and one pair of fakes.</summary>
public static class FaultSuite
{
    public static readonly IReadOnlyList<(string Name, Func<BridgeRig, FaultSizes, CancellationToken, Task<FaultOutcome>> Run)> Scenarios =
    [
        (KillMidBatch.Name, KillMidBatch.RunAsync),
        (ChatwootOutage.Name, ChatwootOutage.RunAsync),
        (WppConnectRestart.Name, WppConnectRestart.RunAsync),
        (WebhookPollRace.Name, WebhookPollRace.RunAsync),
        (WebhookReplays.Name, WebhookReplays.RunAsync),
        (TooManyRequestsStorm.Name, TooManyRequestsStorm.RunAsync),
        (PoisonRows.Name, PoisonRows.RunAsync),
        (NumberRestricted.Name, NumberRestricted.RunAsync),
        (PhoneLoggedOut.Name, PhoneLoggedOut.RunAsync),
    ];

    public static async Task<IReadOnlyList<FaultOutcome>> RunAsync(string apiDll, string connectionString, FaultSizes sizes, string? logDirectory, CancellationToken ct)
    {
        await using var rig = await BridgeRig.StartAsync(apiDll, connectionString, sizes.RigOptions(logDirectory), ct);
        var outcomes = new List<FaultOutcome>();
        foreach (var (_, run) in Scenarios)
        {
            outcomes.Add(await run(rig, sizes, ct));
        }

        return outcomes;
    }

    public static string Markdown(FaultSizes sizes, IReadOnlyList<FaultOutcome> outcomes)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Fault suite ({sizes.Name}: {sizes.Chats} chats × {sizes.PerChat} messages per scenario, host as a separate process)");
        md.AppendLine();
        md.AppendLine("| scenario | lost | duplicated | out of order | sent while paused | sent | in Chatwoot | all in Chatwoot after the fault ended | took | what happened |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var o in outcomes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {o.Scenario} | {o.Counts.Lost} | {o.Counts.Duplicated} | {o.Counts.OutOfOrder} | {o.SentWhilePaused} | {o.Counts.Sent} | {o.Counts.Mirrored} | {o.Recovery.TotalSeconds:F1} s | {o.Took.TotalSeconds:F1} s | {o.Detail} |");
        }

        md.AppendLine();
        if (sizes.Compression > 1)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Time constants compressed {sizes.Compression}× (outage {sizes.Outage.TotalSeconds:F0} s for 10 minutes; retry delays, poll and health intervals alike): a wait for a retry or a poll lasts {sizes.Compression}× longer in real time, processing does not.");
            md.AppendLine();
        }

        md.AppendLine(outcomes.All(o => o.Clean) ? "Every scenario: zero lost, zero duplicated, zero out of order, nothing sent while paused (target met)."
            : "**Target missed**: " + string.Join(", ", outcomes.Where(o => !o.Clean).Select(o => o.Scenario)) + ".");
        return md.ToString();
    }
}
