using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// Sustained inbound throughput: 200 chats write at a fixed pace (open loop, offered above the target) for the
/// window; what reached Chatwoot is counted per second from the fake's own timestamps. The end-to-end completion is
/// the time until the last message written in the window is in Chatwoot.
/// </summary>
public static class ThroughputScenario
{
    private static readonly TimeSpan RampUp = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var chats = new ChatSet(rig.Wpp, "thr", plan.ThroughputChats);
        await InboundLatencyScenario.WarmUpAsync(rig, chats, ct);
        var warm = chats.SentCount;

        var window = plan.ThroughputWindow;
        var cpu = new CpuMeter(rig.Host.Pid);
        var start = DateTimeOffset.UtcNow;
        cpu.Start();
        var webhookFailures = await chats.PaceAsync(plan.OfferedPerSecond, window, new Random(3), ct);
        var offeredEnd = DateTimeOffset.UtcNow;
        var shares = cpu.Stop();
        var sent = chats.SentCount - warm;

        var complete = await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(plan.Quick ? 120 : 300), ct);
        var arrivals = Arrivals.Of(rig.Chatwoot, chats).Where(m => m.CreatedAt >= start).Select(m => m.CreatedAt).ToList();
        var seconds = (int)window.TotalSeconds;
        var buckets = PerSecond.Count(arrivals, start, seconds);
        var steady = buckets.Skip((int)RampUp.TotalSeconds).ToArray();
        var median = PerSecond.Median(steady);
        var mean = steady.Average();
        var last = arrivals.Count > 0 ? arrivals.Max() : start;
        var completion = last - start;
        var endToEnd = arrivals.Count / completion.TotalSeconds;
        var audit = MessageAudit.Of(chats, rig.Chatwoot);
        baselines.SustainedPerSecond = Math.Min(mean, endToEnd);

        Console.WriteLine($"  per second: {string.Join(' ', buckets)}");
        Console.WriteLine($"  cpu during the window: {shares}");
        report.Add(new("throughput", $"offered: {plan.ThroughputChats} chats writing for {seconds} s", Report.Num(sent / (offeredEnd - start).TotalSeconds, "msg/s"), "—", "—", "—", Verdict.None));
        report.Add(new("throughput", $"reached Chatwoot per second (s {RampUp.TotalSeconds:F0}–{seconds}), median / mean / min", string.Create(CultureInfo.InvariantCulture, $"{median:F0} / {mean:F0} / {steady.DefaultIfEmpty().Min()} msg/s"), $"{Report.Num(baselines.HostBarePerSecond, "req/s")} (host bare capacity)", Report.Times(mean / baselines.HostBarePerSecond), "≥ 300 msg/s sustained", Report.Check(mean >= 300 && median >= 300)));
        report.Add(new("throughput", $"end to end: all {sent:N0} in Chatwoot after", string.Create(CultureInfo.InvariantCulture, $"{completion.TotalSeconds:F1} s = {endToEnd:F0} msg/s"), $"{seconds} s window", Report.Times(completion.TotalSeconds / seconds), "≥ 300 msg/s", Report.Check(complete && endToEnd >= 300)));
        report.Note($"throughput: {audit}; webhook posts that failed: {webhookFailures}; cpu in the window: {shares}");
    }
}
