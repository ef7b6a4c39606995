using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// WPPConnect webhook → Chatwoot message created, under a light open-loop load on chats that already have their
/// Chatwoot conversation: from the instant the fake WPPConnect starts its webhook POST to the instant the fake
/// Chatwoot creates the message (its own timestamp).
/// </summary>
public static class InboundLatencyScenario
{
    public static async Task<ChatSet> RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var chats = new ChatSet(rig.Wpp, "lat", plan.LatencyChats);
        await WarmUpAsync(rig, chats, ct);

        var probes = new List<Task<Written>>();
        var random = new Random(7);
        for (var i = 0; i < plan.LatencySamples; i++)
        {
            // Exponential gaps: arrivals at random moments, not in lock-step with the host.
            var gap = -Math.Log(1 - random.NextDouble()) * plan.LatencyMeanGap.TotalMilliseconds;
            await Task.Delay(TimeSpan.FromMilliseconds(gap), ct);
            var chat = i % chats.Phones.Count;
            probes.Add(Task.Run(() => chats.WriteOneAsync(chat), ct));
        }

        var written = await Task.WhenAll(probes);
        if (!await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(60), ct))
        {
            report.Note($"inbound latency: only {Arrivals.FirstArrival(rig.Chatwoot, chats).Count} of {chats.SentCount} probes reached Chatwoot in 60 s");
        }

        var arrived = Arrivals.FirstArrival(rig.Chatwoot, chats);
        var latency = new LatencySamples();
        var ack = new LatencySamples();
        foreach (var w in written)
        {
            ack.Add(w.WebhookTime);
            if (arrived.TryGetValue(w.Text, out var at))
            {
                latency.Add(at - w.At);
            }
        }

        baselines.WebhookInbound = (latency.P50, latency.P99);
        var (intake, processing) = await SplitAsync(rig, chats, written, arrived, ct);
        Console.WriteLine($"  webhook → ledger row {intake.Summary()}; ledger row → Chatwoot {processing.Summary()}");
        var floor = baselines.TwoHops;
        Console.WriteLine($"  inbound latency {latency.Summary()}; {latency.Histogram()}");
        report.Add(new("inbound", "WPPConnect event → Chatwoot message created, p50", Report.Ms(latency.P50), $"{Report.Ms(floor.P50)} (two plain POSTs)", Report.Times(latency.P50 / floor.P50), "≤ 15 ms", Report.Check(latency.P50 <= 15)));
        report.Add(new("inbound", "WPPConnect event → Chatwoot message created, p95", Report.Ms(latency.P95), "—", "—", "—", Verdict.None));
        report.Add(new("inbound", "WPPConnect event → Chatwoot message created, p99", Report.Ms(latency.P99), $"{Report.Ms(floor.P99)} (two plain POSTs)", Report.Times(latency.P99 / floor.P99), "≤ 60 ms", Report.Check(latency.P99 <= 60)));
        report.Add(new("inbound", "… of which webhook → ledger row (received_at), p50 / p99", $"{Report.Ms(intake.P50)} / {Report.Ms(intake.P99)}", "—", "—", "—", Verdict.None));
        report.Add(new("inbound", "… of which ledger row → Chatwoot message created, p50 / p99", $"{Report.Ms(processing.P50)} / {Report.Ms(processing.P99)}", "—", "—", "—", Verdict.None));
        report.Add(new("inbound", "WPPConnect webhook answered by the host, p50 / p99", $"{Report.Ms(ack.P50)} / {Report.Ms(ack.P99)}", $"{Report.Ms(baselines.WppPost.P50)} / {Report.Ms(baselines.WppPost.P99)} (plain POST)", Report.Times(ack.P50 / baselines.WppPost.P50), "—", Verdict.None));
        return chats;
    }

    /// <summary>
    /// Splits each latency at the instant the webhook stored the ledger row (<c>received_at</c>, the database's clock on
    /// the same machine): time to get in, then time to be picked up and mirrored.
    /// </summary>
    private static async Task<(LatencySamples Intake, LatencySamples Processing)> SplitAsync(
        BridgeRig rig, ChatSet chats, IReadOnlyList<Written> written, IReadOnlyDictionary<string, DateTimeOffset> arrived, CancellationToken ct)
    {
        var received = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await using (var connection = new Npgsql.NpgsqlConnection(rig.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("SELECT wa_message_id, received_at FROM inbound_messages WHERE wa_chat_id = ANY(@chats)", connection);
            command.Parameters.AddWithValue("chats", chats.ChatIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                received[reader.GetString(0)] = reader.GetDateTime(1);
            }
        }

        var intake = new LatencySamples();
        var processing = new LatencySamples();
        foreach (var w in written)
        {
            if (received.TryGetValue(w.MessageId, out var at) && arrived.TryGetValue(w.Text, out var created))
            {
                var row = new DateTimeOffset(at, TimeSpan.Zero);
                intake.Add(row - w.At);
                processing.Add(created - row);
            }
        }

        return (intake, processing);
    }

    /// <summary>One message per chat first, so the probes measure the steady path, not contact and conversation creation.</summary>
    public static async Task WarmUpAsync(BridgeRig rig, ChatSet chats, CancellationToken ct)
    {
        await chats.WriteAsync(1, TimeSpan.Zero, null, ct);
        if (!await Arrivals.WaitMirroredAsync(rig, chats, TimeSpan.FromSeconds(120), ct))
        {
            throw new TimeoutException($"Warm-up of '{chats.Tag}': the first message of each chat did not reach Chatwoot in 120 s.\n{rig.Host.LogTail(30)}");
        }
    }
}
