using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// The reference line: the old bridge polled WPPConnect every 5 s. A second host runs with webhooks off and the
/// catch-up poll every 5 s; messages are written at random moments and timed to Chatwoot like the webhook path.
/// </summary>
public static class PollReferenceScenario
{
    public static RigOptions Options(string? logDirectory, IReadOnlyDictionary<string, string> extra) => new()
    {
        Name = "bench-poll",
        Webhooks = false,
        Settings = new Dictionary<string, string>(HostSettings.ForLoadRun(extra)) { ["Bridge__CatchUpInterval"] = "00:00:05" },
        LogDirectory = logDirectory,
    };

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var chats = new ChatSet(rig.Wpp, "poll", 10);
        await InboundLatencyScenario.WarmUpAsync(rig, chats, ct);

        var random = new Random(5);
        var written = new List<Written>();
        for (var i = 0; i < plan.PollSamples; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * plan.PollMaxGap.TotalMilliseconds), ct);
            written.Add(await chats.WriteOneAsync(i % chats.Phones.Count));
        }

        await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(60), ct);
        var arrived = Arrivals.FirstArrival(rig.Chatwoot, chats);
        var latency = new LatencySamples();
        foreach (var w in written.Where(w => arrived.ContainsKey(w.Text)))
        {
            latency.Add(arrived[w.Text] - w.At);
        }

        Console.WriteLine($"  catch-up poll every 5 s: {latency.Summary()}");
        var webhook = baselines.WebhookInbound;
        report.Add(new("reference", "inbound through the catch-up poll every 5 s, webhooks off (the old bridge's way), p50", Report.Ms(latency.P50), $"{Report.Ms(webhook.P50)} (webhook path)", Report.Times(latency.P50 / webhook.P50), "—", Verdict.None));
        report.Add(new("reference", "inbound through the catch-up poll every 5 s, webhooks off, p99", Report.Ms(latency.P99), $"{Report.Ms(webhook.P99)} (webhook path)", Report.Times(latency.P99 / webhook.P99), "—", Verdict.None));
        if (latency.Count < written.Count)
        {
            report.Note($"reference: {written.Count - latency.Count} of {written.Count} polled messages did not reach Chatwoot in 60 s");
        }
    }
}
