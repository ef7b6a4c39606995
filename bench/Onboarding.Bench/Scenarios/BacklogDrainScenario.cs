using System.Diagnostics;
using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// Chatwoot goes down; 200 chats write the backlog, which the webhooks put in the ledger; Chatwoot comes back. The
/// drain time runs from its return to the last message created, and every chat is audited for loss, duplicates and order.
/// </summary>
public static class BacklogDrainScenario
{
    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var chats = new ChatSet(rig.Wpp, "bkl", plan.BacklogChats);
        await InboundLatencyScenario.WarmUpAsync(rig, chats, ct);
        var perChat = plan.BacklogMessages / plan.BacklogChats;
        var chatIds = chats.ChatIds.ToArray();

        rig.Chatwoot.Faults.Down = true;
        var down = Stopwatch.StartNew();
        var refused = await chats.WriteBurstAsync(perChat, ct);
        var written = down.Elapsed;
        var deadline = Stopwatch.StartNew();
        while (await Arrivals.PendingAsync(rig, chatIds, ct) < plan.BacklogMessages - refused && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, ct);
        }

        var backlog = await Arrivals.PendingAsync(rig, chatIds, ct);
        if (plan.BacklogOutage > down.Elapsed)
        {
            await Task.Delay(plan.BacklogOutage - down.Elapsed, ct);
        }

        var attempts = await rig.ScalarAsync("SELECT coalesce(max(attempts), 0) FROM inbound_messages WHERE state = 'pending'", ct);
        rig.Chatwoot.Faults.Down = false;
        var outage = down.Elapsed;
        var back = DateTimeOffset.UtcNow;
        var complete = await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(plan.Quick ? 300 : 900), ct);
        var arrivals = Arrivals.Of(rig.Chatwoot, chats).Where(m => m.CreatedAt >= back).Select(m => m.CreatedAt).ToList();
        var first = arrivals.Count > 0 ? arrivals.Min() - back : TimeSpan.Zero;
        var drain = arrivals.Count > 0 ? arrivals.Max() - back : TimeSpan.MaxValue;
        var audit = MessageAudit.Of(chats, rig.Chatwoot);

        var atSustained = plan.BacklogMessages / baselines.SustainedPerSecond;
        var limit = 60.0 * plan.BacklogMessages / 10_000;
        report.Add(new("throughput", string.Create(CultureInfo.InvariantCulture, $"backlog of {plan.BacklogMessages:N0} drained after Chatwoot returns"),
            complete ? string.Create(CultureInfo.InvariantCulture, $"{drain.TotalSeconds:F1} s") : "did not finish",
            string.Create(CultureInfo.InvariantCulture, $"{atSustained:F1} s (at the sustained rate)"), Report.Times(drain.TotalSeconds / atSustained),
            plan.BacklogMessages >= 10_000 ? "< 60 s" : string.Create(CultureInfo.InvariantCulture, $"< {limit:F0} s (60 s per 10,000)"),
            Report.Check(complete && drain.TotalSeconds < limit)));
        report.Add(new("throughput", "backlog: lost / duplicated / out of order", $"{audit.Lost} / {audit.Duplicated} / {audit.OutOfOrder}", "—", "—", "0 / 0 / 0", Report.Check(audit.Clean && complete)));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"backlog: written in {written.TotalSeconds:F1} s with Chatwoot down ({refused} webhooks refused), {backlog:N0} pending in the ledger, outage {outage.TotalSeconds:F1} s (chat heads tried up to {attempts} times); "
            + $"first message in Chatwoot {first.TotalSeconds:F1} s after it returned, then {(arrivals.Count > 1 ? arrivals.Count / (drain - first).TotalSeconds : 0):F0} msg/s; {audit}"));
        if (plan.BacklogMessages < 10_000)
        {
            report.Note($"backlog: --quick drains {plan.BacklogMessages:N0}, not 10,000; its target is scaled to the same rate, the full run measures 10,000");
        }
    }
}
