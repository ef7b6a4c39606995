using System.Diagnostics;
using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// The bridge against a stock Chatwoot's limit (issue 18, docs/0030): the fake throttles like Rack::Attack's
/// <c>req/ip</c> (3,000 a minute per address, fixed window, no <c>Retry-After</c>, loopback not safelisted) and the
/// host keeps its default budget (2,400 a minute) with its calls leaving from 127.0.0.2. First a steady load above the
/// budget, then a backlog written while Chatwoot is down and drained when it returns. The chats are warmed first, so
/// each mirrored text is one Chatwoot call (the message create; <c>ChatwootCallCountTests</c>); the calls Chatwoot
/// received in the drain are counted too.
/// </summary>
public static class ChatwootLimitScenario
{
    /// <summary>rack_attack.rb's <c>RACK_ATTACK_LIMIT</c> default, per <c>period: 1.minute</c>.</summary>
    public const int StockLimit = 3000;

    public const string LocalAddress = "127.0.0.2";

    private static readonly TimeSpan BudgetWindow = TimeSpan.FromMinutes(1);

    public static RigOptions Options(string? logDirectory, IReadOnlyDictionary<string, string> extra)
    {
        // A load run's settings, but with the Chatwoot budget at its default (unless --set names it).
        var settings = HostSettings.ForLoadRun(extra);
        if (!extra.ContainsKey("Chatwoot__RequestsPerMinute"))
        {
            settings.Remove("Chatwoot__RequestsPerMinute");
        }

        settings["Chatwoot__LocalAddress"] = LocalAddress;
        return new RigOptions
        {
            Name = "bench-cwlimit",
            Settings = settings,
            LogDirectory = logDirectory,
            Chatwoot = o =>
            {
                o.RequestsPerPeriod = StockLimit;
                o.ThrottlePeriod = BudgetWindow;
                // rack-attack's throttled_response_retry_after_header is false by default and Chatwoot does not set it.
                o.ThrottleRetryAfterHeader = false;
            },
        };
    }

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Report report, CancellationToken ct)
    {
        var budget = int.Parse(plan.HostSettings.GetValueOrDefault("Chatwoot__RequestsPerMinute", "2400"), CultureInfo.InvariantCulture);
        var budgetPerSecond = budget / BudgetWindow.TotalSeconds;
        var chats = new ChatSet(rig.Wpp, "cwl", plan.ChatwootLimitChats);
        var chatIds = chats.ChatIds.ToArray();
        await InboundLatencyScenario.WarmUpAsync(rig, chats, ct);

        // (a) Steady load above the budget. The budget counts a sliding minute, which replays the pattern of the
        // first minute (a burst, then a wait), so the sustained figure is a whole minute: the window's last.
        var window = plan.ChatwootLimitWindow;
        var start = DateTimeOffset.UtcNow;
        var webhookFailures = await chats.PaceAsync(plan.ChatwootLimitOffered, window, new Random(11), ct);
        var offered = (chats.SentCount - plan.ChatwootLimitChats) / (DateTimeOffset.UtcNow - start).TotalSeconds;
        var steadyDone = await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(plan.Quick ? 300 : 600), ct);
        var buckets = PerSecond.Count(Arrivals.Of(rig.Chatwoot, chats).Select(m => m.CreatedAt), start, (int)window.TotalSeconds);
        var lastMinute = buckets.Skip(Math.Max(0, buckets.Length - (int)BudgetWindow.TotalSeconds)).ToArray();
        var sustained = lastMinute.Average();
        var wholeWindow = buckets.Average();
        Console.WriteLine($"  per second: {string.Join(' ', buckets)}");

        // (b) Backlog: written while Chatwoot is down, drained when it returns. It starts right after the steady
        // load, so the budget's last minute is already spent: no fresh minute to burst through.
        var n = plan.ChatwootLimitBacklog;
        var perChat = n / plan.ChatwootLimitChats;
        var beforeBacklog = chats.SentCount;
        rig.Chatwoot.Faults.Down = true;
        var down = Stopwatch.StartNew();
        var refused = await chats.WriteBurstAsync(perChat, ct);
        var written = down.Elapsed;
        var backlogSize = chats.SentCount - beforeBacklog;
        while (await Arrivals.PendingAsync(rig, chatIds, ct) < backlogSize && down.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100, ct);
        }

        var pending = await Arrivals.PendingAsync(rig, chatIds, ct);
        if (plan.BacklogOutage > down.Elapsed)
        {
            await Task.Delay(plan.BacklogOutage - down.Elapsed, ct);
        }

        var spentBefore = await rig.ScalarAsync($"SELECT count(*) FROM governor_grants WHERE budget = 'chatwoot' AND granted_at > now() - interval '1 minute'", ct);
        rig.Chatwoot.Faults.Down = false;
        var back = DateTimeOffset.UtcNow;
        var complete = await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(60 + (3.0 * n / budgetPerSecond)), ct);
        var drained = Arrivals.Of(rig.Chatwoot, chats).Where(m => m.CreatedAt >= back).Select(m => m.CreatedAt).ToList();
        var last = drained.Count > 0 ? drained.Max() : back;
        var drain = last - back;
        var rate = drained.Count / drain.TotalSeconds;
        var calls = rig.Chatwoot.Requests.Count(r => r.At >= back && r.At <= last);
        var throttled = rig.Chatwoot.Throttled;
        var audit = MessageAudit.Of(chats, rig.Chatwoot);
        var deadInbound = await rig.ScalarAsync("SELECT count(*) FROM inbound_messages WHERE state = 'failed' AND wa_chat_id = ANY(@chats)", ct, chatIds);
        var deadOutbox = await rig.ScalarAsync("SELECT count(*) FROM outbox WHERE state = 'dead'", ct);

        const string area = "chatwoot limit";
        var perSecondText = string.Create(CultureInfo.InvariantCulture, $"{budgetPerSecond:F0} msg/s ({budget:N0} a minute, the budget)");
        report.Add(new(area, string.Create(CultureInfo.InvariantCulture, $"offered: {plan.ChatwootLimitChats} chats writing for {window.TotalSeconds:F0} s"), Report.Num(offered, "msg/s"), "—", "—", "—", Verdict.None));
        report.Add(new(area, string.Create(CultureInfo.InvariantCulture, $"reached Chatwoot per second, mean over the window's last minute, s {window.TotalSeconds - 60:F0}–{window.TotalSeconds:F0} (whole window)"),
            string.Create(CultureInfo.InvariantCulture, $"{sustained:F1} msg/s ({wholeWindow:F1})"), perSecondText, Report.Times(sustained / budgetPerSecond),
            "≥ 90% of the budget, ≤ stock limit (50/s)", Report.Check(steadyDone && sustained >= 0.9 * budgetPerSecond && sustained <= StockLimit / 60.0)));
        report.Add(new(area, string.Create(CultureInfo.InvariantCulture, $"backlog of {backlogSize:N0} drained after Chatwoot returns"),
            complete ? string.Create(CultureInfo.InvariantCulture, $"{drain.TotalSeconds:F1} s = {rate:F1} msg/s ({100 * rate / budgetPerSecond:F0}% of the budget)") : "did not finish",
            string.Create(CultureInfo.InvariantCulture, $"{backlogSize / budgetPerSecond:F0} s (at the budget)"), Report.Times(rate / budgetPerSecond),
            "≥ 90% of the budget's rate", Report.Check(complete && rate >= 0.9 * budgetPerSecond)));
        report.Add(new(area, "lost / duplicated / out of order (steady load and backlog)", $"{audit.Lost} / {audit.Duplicated} / {audit.OutOfOrder}", "—", "—", "0 / 0 / 0", Report.Check(audit.Clean && complete)));
        report.Add(new(area, "429s answered by Chatwoot / rows dead-lettered", $"{throttled} / {deadInbound + deadOutbox}", "—", "—", "0 / 0", Report.Check(throttled == 0 && deadInbound + deadOutbox == 0)));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"chatwoot limit: fake Chatwoot throttling {StockLimit:N0} requests a minute per address (fixed window, no Retry-After, loopback counted), host budget {budget:N0} a minute, calls from {LocalAddress}; "
            + $"{plan.ChatwootLimitChats} chats warmed first, so each text is one call; steady load {offered:F1} msg/s offered ({webhookFailures} webhook posts failed); "
            + $"backlog written in {written.TotalSeconds:F1} s ({refused} webhook posts failed, left to the catch-up poll), {pending:N0} pending when Chatwoot returned after {down.Elapsed.TotalSeconds:F1} s down, budget spent in the minute before: {spentBefore:N0} of {budget:N0}; "
            + $"{calls:N0} Chatwoot calls in the drain ({(drained.Count > 0 ? (double)calls / drained.Count : 0):F2} a message); {audit}"));
        if (n < 10_000)
        {
            report.Note($"chatwoot limit: --quick drains {n:N0} (more than one minute's budget), not 10,000; the full run drains 10,000");
        }
    }
}
