using System.Diagnostics;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Scenarios;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Bench.Measurement;

/// <summary>
/// What the fake Chatwoot received through its API, by text: each message carries the instant Chatwoot created it,
/// so latencies and per-second counts come from the fake's own timestamps, not from polling.
/// </summary>
public static class Arrivals
{
    /// <summary>Incoming messages created in Chatwoot whose text starts with the set's tag, oldest first.</summary>
    public static IReadOnlyList<CwMessage> Of(FakeChatwoot chatwoot, ChatSet chats)
    {
        var prefix = chats.Tag + " ";
        return chatwoot.ReceivedMessages.Where(m => m.MessageType == "incoming" && m.Content?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
    }

    /// <summary>When each text first reached Chatwoot.</summary>
    public static Dictionary<string, DateTimeOffset> FirstArrival(FakeChatwoot chatwoot, ChatSet chats)
    {
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var m in Of(chatwoot, chats))
        {
            first.TryAdd(m.Content!, m.CreatedAt);
        }

        return first;
    }

    /// <summary>
    /// Waits (bounded) until every text the set wrote is in Chatwoot and the ledger has nothing pending for its chats,
    /// then a moment more so a late duplicate would show. False on timeout.
    /// </summary>
    public static async Task<bool> WaitMirroredAsync(BridgeRig rig, ChatSet chats, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var chatIds = chats.ChatIds.ToArray();
        while (clock.Elapsed < timeout)
        {
            if (FirstArrival(rig.Chatwoot, chats).Count >= chats.SentCount && await PendingAsync(rig, chatIds, ct) == 0)
            {
                await Task.Delay(300, ct);
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    /// <summary>Ledger rows of these chats not yet in a final state.</summary>
    public static async Task<long> PendingAsync(BridgeRig rig, string[] chatIds, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbound_messages WHERE state = 'pending' AND wa_chat_id = ANY(@chats)", connection);
        command.Parameters.AddWithValue("chats", chatIds);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
