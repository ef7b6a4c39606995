using System.Diagnostics;
using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;

namespace Onboarding.Bench.Faults;

/// <summary>What every fault scenario does around its fault: a healthy host and fakes first, the audit after.</summary>
public static class FaultRun
{
    /// <summary>Runs <paramref name="fault"/> (which writes the set's messages and injects the fault), waits, audits.</summary>
    public static async Task<FaultOutcome> RunAsync(
        string scenario, BridgeRig rig, FaultSizes sizes, Func<ChatSet, Task<string>> fault, CancellationToken ct)
    {
        await rig.ReadyForScenarioAsync(ct);

        var clock = Stopwatch.StartNew();
        var chats = ChatSet.On(rig, scenario, sizes.Chats);
        string detail;
        try
        {
            detail = await fault(chats);
        }
        finally
        {
            rig.Wpp.Faults.Reset();
            rig.Chatwoot.Faults.Reset();
            rig.Cloud?.Faults.Reset();
        }

        var ended = DateTimeOffset.UtcNow;
        var complete = await Arrivals.WaitMirroredAsync(rig, chats, sizes.WaitTimeout, ct);
        var counts = MessageAudit.Of(chats, rig.Chatwoot);
        var last = Arrivals.Of(rig.Chatwoot, chats).Select(m => m.CreatedAt).DefaultIfEmpty(ended).Max();
        var recovery = last > ended ? last - ended : TimeSpan.Zero;
        var vias = await ViasAsync(rig, chats, ct);
        var outcome = new FaultOutcome(scenario, counts, clock.Elapsed, recovery,
            detail + $"; ledger rows by path: {vias}" + (complete ? "" : string.Create(CultureInfo.InvariantCulture, $"; NOT COMPLETE after {sizes.WaitTimeout.TotalSeconds:F0} s")));
        Console.WriteLine("  " + outcome);
        return outcome;
    }

    private static async Task<string> ViasAsync(BridgeRig rig, ChatSet chats, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT received_via || ' ' || count(*) FROM inbound_messages WHERE wa_chat_id = ANY(@chats) GROUP BY received_via ORDER BY received_via", connection);
        command.Parameters.AddWithValue("chats", chats.ChatIds.ToArray());
        var parts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            parts.Add(reader.GetString(0));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
