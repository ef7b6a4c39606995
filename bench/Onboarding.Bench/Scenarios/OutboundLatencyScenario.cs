using System.Diagnostics;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// An agent replies in Chatwoot: how long our <c>/webhooks/chatwoot</c> takes to answer the signed webhook (Chatwoot
/// gives up after 5 s and never retries), and how long until the fake WPPConnect receives the send. The send is seen
/// by polling the phone's inbox every millisecond, so that figure carries about 1 ms of resolution.
/// </summary>
public static class OutboundLatencyScenario
{
    public static async Task RunAsync(BridgeRig rig, ChatSet chats, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var conversations = chats.Phones.Select(p =>
        {
            var contact = rig.Chatwoot.Contacts.Single(c => c.PhoneNumber == "+" + p.Digits);
            return rig.Chatwoot.Conversations.Last(c => c.ContactId == contact.Id).Id;
        }).ToList();

        var ack = new LatencySamples();
        var send = new LatencySamples();
        var failures = 0;
        var random = new Random(11);
        for (var i = -10; i < plan.OutboundSamples; i++)
        {
            var chat = (i + 10) % chats.Phones.Count;
            var phone = chats.Phones[chat];
            var before = phone.ReceivedCount;
            var at = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var (_, delivery) = await rig.Chatwoot.AgentReplyAsync(conversations[chat], $"Olá, resposta n.º {i}");
            var acked = Stopwatch.GetElapsedTime(started);
            var deadline = Stopwatch.StartNew();
            while (phone.ReceivedCount == before && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(1, ct);
            }

            var arrived = DateTimeOffset.UtcNow;
            if (i < 0)
            {
                continue; // warm-up: the first sends of each route are JIT and connection set-up
            }

            if (delivery?.Succeeded != true || phone.ReceivedCount == before)
            {
                failures++;
                continue;
            }

            ack.Add(acked);
            send.Add(arrived - at);
            await Task.Delay(random.Next(0, 10), ct);
        }

        if (failures > 0)
        {
            report.Note($"outbound: {failures} of {plan.OutboundSamples} agent replies were not acknowledged or not sent within 10 s");
        }

        Console.WriteLine($"  chatwoot webhook ack {ack.Summary()}; agent → send {send.Summary()}");
        var host = baselines.HostRoundTrip;
        var floor = baselines.TwoHops;
        report.Add(new("outbound", "Chatwoot webhook acknowledged (HTTP response of /webhooks/chatwoot), p50", Report.Ms(ack.P50), $"{Report.Ms(host.P50)} (host bare round trip)", Report.Times(ack.P50 / host.P50), "—", Verdict.None));
        report.Add(new("outbound", "Chatwoot webhook acknowledged, p99", Report.Ms(ack.P99), $"{Report.Ms(host.P99)} (host bare round trip)", Report.Times(ack.P99 / host.P99), "≤ 20 ms", Report.Check(ack.P99 <= 20)));
        report.Add(new("outbound", "agent message → WPPConnect send received, p50", Report.Ms(send.P50), $"{Report.Ms(floor.P50)} (two plain POSTs)", Report.Times(send.P50 / floor.P50), "—", Verdict.None));
        report.Add(new("outbound", "agent message → WPPConnect send received, p99", Report.Ms(send.P99), $"{Report.Ms(floor.P99)} (two plain POSTs)", Report.Times(send.P99 / floor.P99), "—", Verdict.None));
    }
}
