using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Npgsql;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;

namespace Onboarding.Bench.Faults;

/// <summary>
/// The traffic of the number-safety scenarios: drivers who write and get an agent's reply to each message, and status
/// notices (one <c>driver_status_history</c> row each, with a numbered reason so every notice reads differently). Records
/// what was written, replied and announced, and audits it: every reply on the phone once and in order, every notice on
/// the phone once and in order or noted to the agents, every message in Chatwoot once and in order.
/// </summary>
public sealed class DriverTraffic(BridgeRig rig, string tag)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Label, long HistoryId)>> _notices = new(StringComparer.Ordinal);
    private int _noticeSeq;

    /// <summary>How long <see cref="WaitSettledAsync"/> watches after everything arrived, for a late duplicate.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    public string Tag => tag;

    /// <summary>The marker every notice of this run carries in its reason, so a send request can be told to be one.</summary>
    public string NoticeMarker => tag + " n ";

    /// <summary>Each phone writes its first message; returns when Chatwoot has a conversation for each and their drivers exist.</summary>
    public async Task StartAsync(ChatSet chats, CancellationToken ct)
    {
        await Task.WhenAll(Enumerable.Range(0, chats.Phones.Count).Select(chat => chats.WriteOneAsync(chat)));
        foreach (var phone in chats.Phones)
        {
            await WaitAsync(() => ConversationOf(phone.Digits) is not null, "a Chatwoot conversation for every driver", ct);
        }

        await AddDriversAsync(chats, ct);
    }

    /// <summary>Drivers bound to these chats (as a registration through the bot leaves them), without announcing anything.</summary>
    public async Task AddDriversAsync(ChatSet chats, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var phone in chats.Phones)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO drivers (id, phone_e164, wa_chat_id, full_name, status) VALUES (gen_random_uuid(), @e164, @chat, 'Ana Teste', 'submitted')",
                new { e164 = "+" + phone.Digits, chat = phone.ChatId }, cancellationToken: ct));
        }
    }

    /// <summary>Ledger rows saying the driver wrote <paramref name="ago"/> (before the fake WPPConnect knew the chat).</summary>
    public async Task WroteAgoAsync(IEnumerable<string> chatIds, TimeSpan ago, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var chat in chatIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO inbound_messages (wa_message_id, wa_chat_id, from_me, wa_timestamp, received_via, payload, state)
                VALUES ('false_' || @chat || '_earlier', @chat, false, now() - @ago, 'poll', '{}', 'done')
                """, new { chat, ago }, cancellationToken: ct));
        }
    }

    /// <summary>Moves every ledger row of these chats <paramref name="ago"/> into the past: the drivers went quiet.</summary>
    public async Task BackdateAsync(IEnumerable<string> chatIds, TimeSpan ago, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET wa_timestamp = now() - @ago WHERE wa_chat_id = ANY(@chats)",
            new { ago, chats = chatIds.ToArray() }, cancellationToken: ct));
    }

    /// <summary>Staff change the status of each chat's driver once: one service notice each, announced by the sweep.</summary>
    public async Task NoticeAsync(IEnumerable<string> chatIds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var chat in chatIds)
        {
            var label = $"{NoticeMarker}k{Interlocked.Increment(ref _noticeSeq):D4}";
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO driver_status_history (driver_id, from_status, to_status, reason, actor)
                SELECT id, 'under_review', 'rejected', @label, 'bench' FROM drivers WHERE wa_chat_id = @chat RETURNING id
                """, new { label, chat }, cancellationToken: ct));
            _notices.GetOrAdd(chat, _ => new()).Enqueue((label, id));
        }
    }

    /// <summary>
    /// Every chat writes <paramref name="rounds"/> messages, <paramref name="gap"/> apart, and the agent answers each
    /// one in the chat's Chatwoot conversation as soon as it is written.
    /// </summary>
    public Task ConverseAsync(ChatSet chats, int rounds, TimeSpan gap, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, chats.Phones.Count).Select(chat => Task.Run(async () =>
        {
            var phone = chats.Phones[chat];
            var conversation = ConversationOf(phone.Digits) ?? throw new InvalidOperationException("no conversation for a driver");
            for (var i = 0; i < rounds && !ct.IsCancellationRequested; i++)
            {
                await Task.Delay(gap, ct);
                var written = await chats.WriteOneAsync(chat);
                var reply = $"{tag} r c{chat:D3} m{written.Seq:D5}";
                _replies.GetOrAdd(phone.ChatId, _ => new()).Enqueue(reply);
                await rig.Chatwoot.AgentReplyAsync(conversation, reply);
            }
        }, ct)));

    /// <summary>Send requests carrying a notice of this run that reached WPPConnect in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int NoticeSendsBetween(DateTimeOffset from, DateTimeOffset to) =>
        rig.Wpp.Requests.Count(r => r.RoutePattern.EndsWith("/send-message", StringComparison.Ordinal) && r.At >= from && r.At < to
            && r.Body.Contains(NoticeMarker, StringComparison.Ordinal));

    /// <summary>
    /// Waits (bounded) until every reply is on its phone, every notice is on its phone or noted, every message is in
    /// Chatwoot and nothing of these chats is still queued; then a moment more so a late duplicate would show.
    /// </summary>
    public async Task<bool> WaitSettledAsync(IReadOnlyList<ChatSet> sets, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var chatIds = sets.SelectMany(s => s.ChatIds).ToArray();
        while (clock.Elapsed < timeout)
        {
            var mirrored = sets.All(s => Arrivals.FirstArrival(rig.Chatwoot, s).Count >= s.SentCount);
            if (mirrored && await QueuedAsync(chatIds, ct) == 0 && await Arrivals.PendingAsync(rig, chatIds, ct) == 0)
            {
                var (replies, notices) = Audit(sets);
                if (replies.Lost == 0 && notices.Lost == 0)
                {
                    await Task.Delay(Settle, ct);
                    return true;
                }
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    /// <summary>What the run left: its messages in Chatwoot, the replies and the notices on the phones (noted counts as arrived).</summary>
    public (AuditCounts Replies, AuditCounts Notices) Audit(IReadOnlyList<ChatSet> sets)
    {
        var replies = AuditCounts.Zero;
        var notices = AuditCounts.Zero;
        var noted = NotedAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var phone in sets.SelectMany(s => s.Phones))
        {
            var received = phone.ReceivedBodies();
            var sentReplies = _replies.TryGetValue(phone.ChatId, out var r) ? r.ToList() : [];
            replies = replies.Plus(MessageAudit.Compare(sentReplies, received.Where(b => b.StartsWith(tag + " r ", StringComparison.Ordinal)).ToList()));

            var announced = _notices.TryGetValue(phone.ChatId, out var n) ? n.ToList() : [];
            var delivered = received.Select(b => announced.FirstOrDefault(a => b.EndsWith(a.Label, StringComparison.Ordinal)).Label)
                .Where(l => l is not null).Select(l => l!).ToList();
            var onPhone = MessageAudit.Compare(announced.Where(a => !noted.Contains(a.HistoryId)).Select(a => a.Label).ToList(), delivered);
            var notedHere = announced.Count(a => noted.Contains(a.HistoryId));
            notices = notices.Plus(onPhone with { Sent = onPhone.Sent + notedHere, Mirrored = onPhone.Mirrored + notedHere });
        }

        return (replies, notices);
    }

    /// <summary>How many notices of this run were not sent and noted to the agents (in Chatwoot, from the outbox's note).</summary>
    public int NotedCount => NotedAsync(CancellationToken.None).GetAwaiter().GetResult().Count;

    /// <summary>The history rows whose notice was settled unsent and whose private note reached Chatwoot.</summary>
    private async Task<HashSet<long>> NotedAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        var ids = _notices.Values.SelectMany(q => q).Select(n => n.HistoryId).ToArray();
        var dropped = await connection.QueryAsync<(long Id, string Key)>(new CommandDefinition(
            """
            SELECT o.id, o.dedupe_key FROM outbox o
            WHERE o.message_class = 'service_notice' AND o.state = 'sent' AND o.last_error LIKE 'dropped:%' AND o.dedupe_key LIKE 'notify:%'
              AND split_part(o.dedupe_key, ':', 3)::bigint = ANY(@ids)
            """, new { ids }, cancellationToken: ct));
        var notes = rig.Chatwoot.ReceivedMessages.Where(m => m.Private && m.SourceId is not null).Select(m => m.SourceId!).ToHashSet(StringComparer.Ordinal);
        return dropped.Where(d => notes.Any(s => s.EndsWith(":" + d.Id, StringComparison.Ordinal) && s.StartsWith("onboarding:note:", StringComparison.Ordinal)))
            .Select(d => long.Parse(d.Key.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    /// <summary>Outbox rows of these chats still waiting (sent, dropped and dead rows are final).</summary>
    private async Task<long> QueuedAsync(string[] chatIds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM outbox WHERE wa_chat_id = ANY(@chatIds) AND state IN ('pending', 'sending')", new { chatIds }, cancellationToken: ct));
    }

    private int? ConversationOf(string digits)
    {
        var contacts = rig.Chatwoot.Contacts.Where(c => c.PhoneNumber == "+" + digits).Select(c => c.Id).ToHashSet();
        return rig.Chatwoot.Conversations.Where(c => contacts.Contains(c.ContactId)).Select(c => (int?)c.Id).Max();
    }

    private static async Task WaitAsync(Func<bool> done, string what, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("waited 30 s for " + what);
            }

            await Task.Delay(50, ct);
        }
    }
}
