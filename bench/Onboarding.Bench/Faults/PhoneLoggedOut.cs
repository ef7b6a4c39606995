using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (i) The phone logs the session out in the middle of conversations and status notices, and is scanned back after
/// <see cref="FaultSizes.RestartDowntime"/>. While it is out, drivers keep writing (no webhook: only the catch-up after
/// the scan finds their messages), agents keep replying and staff keep changing statuses. Once the bridge knows the
/// session is down it must send nothing; after the scan everything goes out once, in order.
/// </summary>
public static class PhoneLoggedOut
{
    public const string Name = "logout";

    public static async Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct)
    {
        await rig.ReadyForScenarioAsync(ct);

        var clock = Stopwatch.StartNew();
        var traffic = new DriverTraffic(rig, Name);
        var talking = new ChatSet(rig.Wpp, Name, sizes.Chats);
        await traffic.StartAsync(talking, ct);

        var gap = TimeSpan.FromMilliseconds(200);
        var rounds = Math.Max(3, (int)(3 * sizes.RestartDowntime / gap));
        var conversation = traffic.ConverseAsync(talking, rounds, gap, ct);
        await traffic.NoticeAsync(talking.ChatIds, ct);
        await Task.Delay(rounds * gap / 4, ct);

        await rig.Wpp.LogOutAsync();
        DateTimeOffset downSeen, scanned;
        try
        {
            downSeen = await SessionDownSeenAsync(rig, sizes.WaitTimeout, ct);
            await traffic.NoticeAsync(talking.ChatIds, ct);
            await Task.Delay(sizes.RestartDowntime, ct);
        }
        finally
        {
            scanned = DateTimeOffset.UtcNow;
            await rig.Wpp.ScanQrAsync();
        }

        await traffic.NoticeAsync(talking.ChatIds, ct);
        await conversation;
        var ended = Stopwatch.StartNew();
        var complete = await traffic.WaitSettledAsync([talking], sizes.WaitTimeout, ct);
        var recovery = ended.Elapsed - DriverTraffic.Settle;

        // Every send to these chats (replies and notices) that reached WPPConnect after the bridge knew of the logout.
        var whileDown = rig.Wpp.Requests.Count(r => r.RoutePattern.EndsWith("/send-message", StringComparison.Ordinal)
            && r.At >= downSeen + PauseWindow.InFlight && r.At < scanned && r.Body.Contains(Name + " ", StringComparison.Ordinal));
        var inbound = MessageAudit.Of(talking, rig.Chatwoot);
        var (replies, notices) = traffic.Audit([talking]);
        var retried = await RetriedAsync(rig, talking, ct);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"session logged out {(scanned - downSeen).TotalSeconds:F1} s after the bridge saw it; driver messages in Chatwoot: {inbound}; "
            + $"agent replies on the phones: {replies}; notices on the phones or noted: {notices}; "
            + $"{retried} WhatsApp rows spent a retry");
        detail += complete ? "" : $"; NOT COMPLETE after {sizes.WaitTimeout.TotalSeconds:F0} s";
        var outcome = new FaultOutcome(Name, inbound.Plus(replies).Plus(notices), clock.Elapsed, recovery, detail) { SentWhilePaused = whileDown };
        Console.WriteLine("  " + outcome);
        return outcome;
    }

    private static async Task<DateTimeOffset> SessionDownSeenAsync(BridgeRig rig, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        while (clock.Elapsed < timeout)
        {
            if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT value FROM bridge_state WHERE key = 'wpp.status'", cancellationToken: ct)) is { } status && status != "CONNECTED")
            {
                return DateTimeOffset.UtcNow;
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"the bridge did not see the logout within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>WhatsApp rows of these chats that took more than one attempt (a wait for the session spends none).</summary>
    private static async Task<long> RetriedAsync(BridgeRig rig, ChatSet chats, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM outbox WHERE wa_chat_id = ANY(@chats) AND lane = 'whatsapp' AND attempts > 1",
            new { chats = chats.ChatIds.ToArray() }, cancellationToken: ct));
    }
}
