using System.Text.Json;
using Dapper;
using Npgsql;
using Onboarding.Data;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>An outbox row given up after its retry budget.</summary>
public sealed record DeadLetterRow(
    long Id, string WaChatId, string Lane, string Kind, int Attempts, string? LastError, DateTime CreatedAt, long? ChatwootConversationId);

/// <summary>Side effects on WhatsApp, each once (unique dedupe key), applied in order per chat.</summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Enqueues a send; false when the dedupe key was already there (a replayed webhook).</summary>
    public async Task<bool> EnqueueAsync(string dedupeKey, string waChatId, string kind, OutboxPayload payload,
        int? chatwootConversationId, int? chatwootMessageId, CancellationToken ct) =>
        await EnqueueAsync(new OutboxEntry(dedupeKey, waChatId, kind, payload) { ChatwootConversationId = chatwootConversationId, ChatwootMessageId = chatwootMessageId }, ct);

    public async Task<bool> EnqueueAsync(OutboxEntry entry, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await InsertAsync(connection, null, entry, ct);
    }

    /// <summary>
    /// Enqueues rows in the given order, all or none (one transaction); returns how many were new (rows whose dedupe key
    /// was already there, as in a replayed webhook, are skipped).
    /// </summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (entries.Count == 1)
        {
            // One row is all or none by itself: no transaction, so no COMMIT round trip on the webhook's ack path.
            return await InsertAsync(connection, null, entries[0], ct) ? 1 : 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var recorded = 0;
        foreach (var entry in entries)
        {
            recorded += await InsertAsync(connection, transaction, entry, ct) ? 1 : 0;
        }

        await transaction.CommitAsync(ct);
        return recorded;
    }

    /// <summary>Enqueues inside the caller's transaction, so the rows exist exactly when the caller's change does.</summary>
    public static async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxEntry entry, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO outbox (dedupe_key, wa_chat_id, lane, message_class, kind, payload, chatwoot_conversation_id, chatwoot_message_id)
            VALUES (@DedupeKey, @WaChatId, @Lane, @Class, @Kind, @payload, @conversation, @message)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            entry.DedupeKey,
            entry.WaChatId,
            entry.Lane,
            entry.Class,
            entry.Kind,
            payload = new Jsonb(JsonSerializer.Serialize(entry.Payload, Json)),
            conversation = (long?)entry.ChatwootConversationId,
            message = (long?)entry.ChatwootMessageId,
        }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>Chats with due work; those with a due reply or Chatwoot effect first, so held notices never take their slots.</summary>
    public async Task<IReadOnlyList<OutboxLane>> DueLanesAsync(int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT wa_chat_id, lane FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= now()
            GROUP BY wa_chat_id, lane
            ORDER BY min(CASE WHEN message_class = 'service_notice' THEN 1 ELSE 0 END), min(id) LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(string Chat, string Lane)>(new CommandDefinition(sql, new { limit }, cancellationToken: ct)))
            .Select(r => new OutboxLane(r.Chat, r.Lane)).ToList();
    }

    /// <summary>
    /// The lane's oldest unsent row of a message class, if it is due: later rows of its class wait so each class keeps its
    /// order, and a reply never waits behind a held service notice of the same chat (docs/0027).
    /// </summary>
    public static async Task<OutboxItem?> HeadAsync(NpgsqlConnection connection, OutboxLane lane, CancellationToken ct)
    {
        const string sql = """
            SELECT id, dedupe_key, wa_chat_id, lane, kind, message_class, payload::text AS payload, chatwoot_conversation_id,
                   chatwoot_message_id, state, attempts, created_at
            FROM outbox o WHERE wa_chat_id = @WaChatId AND lane = @Lane AND state IN ('pending', 'sending') AND next_attempt_at <= now()
              AND id = (SELECT min(id) FROM outbox WHERE wa_chat_id = @WaChatId AND lane = @Lane AND message_class = o.message_class
                        AND state IN ('pending', 'sending'))
            ORDER BY id LIMIT 1
            """;
        return await connection.QuerySingleOrDefaultAsync<OutboxItem>(new CommandDefinition(sql, new { lane.WaChatId, lane.Lane }, cancellationToken: ct));
    }

    /// <summary>Marks the row as being sent: if we crash now, the next attempt knows to check before sending again.</summary>
    public static Task MarkSendingAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = @id", new { id }, cancellationToken: ct));

    public static Task MarkSentAsync(NpgsqlConnection connection, long id, string? waMessageId, CancellationToken ct) =>
        MarkSentAsync(connection, null, id, waMessageId, ct);

    public static Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, string? waMessageId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'sent', wa_message_id = @waMessageId, sent_at = now(), last_error = NULL WHERE id = @id",
            new { id, waMessageId }, transaction, cancellationToken: ct));

    public static Task MarkRetryAsync(NpgsqlConnection connection, long id, string error, TimeSpan delay, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'pending', last_error = @error, next_attempt_at = now() + @delay WHERE id = @id",
            new { id, error = Shorten(error), delay }, cancellationToken: ct));

    /// <summary>
    /// Not now (the sending governor, docs/0027): due again after <paramref name="delay"/>, keeping its place and state;
    /// <paramref name="refund"/> gives back the attempt of a send that certainly did not go out (a restriction, no session).
    /// </summary>
    public static Task MarkHeldAsync(NpgsqlConnection connection, long id, string reason, TimeSpan delay, bool refund, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            refund
                ? "UPDATE outbox SET state = 'pending', attempts = greatest(attempts - 1, 0), last_error = @reason, next_attempt_at = now() + @delay WHERE id = @id"
                : "UPDATE outbox SET last_error = @reason, next_attempt_at = now() + @delay WHERE id = @id",
            new { id, reason = Shorten(reason), delay }, cancellationToken: ct));

    /// <summary>The send may have gone out: stay "sending" so the next attempt checks WhatsApp first.</summary>
    public static Task MarkUncertainAsync(NpgsqlConnection connection, long id, string error, TimeSpan delay, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET last_error = @error, next_attempt_at = now() + @delay WHERE id = @id",
            new { id, error = Shorten(error), delay }, cancellationToken: ct));

    public static Task MarkDeadAsync(NpgsqlConnection connection, long id, string error, CancellationToken ct) =>
        MarkDeadAsync(connection, null, id, error, ct);

    public static Task MarkDeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, string error, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'dead', last_error = @error WHERE id = @id", new { id, error = Shorten(error) }, transaction, cancellationToken: ct));

    /// <summary>
    /// Nothing left to do (the Chatwoot message it would update is gone): finished like a sent row, with the reason
    /// kept, so it is neither retried, nor counted as a dead letter, nor announced.
    /// </summary>
    public static Task MarkDroppedAsync(NpgsqlConnection connection, long id, string reason, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'sent', sent_at = now(), last_error = @reason WHERE id = @id",
            new { id, reason = Shorten("dropped: " + reason) }, cancellationToken: ct));

    /// <summary>Puts a dead letter back in the queue (the console's retry button).</summary>
    public async Task<bool> RetryDeadAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET state = 'pending', next_attempt_at = now(), created_at = now() WHERE id = @id AND state = 'dead'",
            new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>What we sent as the WhatsApp message <paramref name="waMessageId"/>, or null when it was not ours.</summary>
    public static async Task<OutboxPayload?> FindSentAsync(NpgsqlConnection connection, string waMessageId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT payload::text FROM outbox WHERE wa_message_id = @waMessageId LIMIT 1", new { waMessageId }, cancellationToken: ct)) is { } json
            ? JsonSerializer.Deserialize<OutboxPayload>(json, Json)
            : null;

    public static OutboxPayload Read(OutboxItem item) => JsonSerializer.Deserialize<OutboxPayload>(item.Payload, Json) ?? new OutboxPayload();

    private static string Shorten(string error) => error.Length > 500 ? error[..500] : error;

    /// <summary>True when one of our sends recorded this WhatsApp id: the message is its echo.</summary>
    public static async Task<bool> SentByUsAsync(NpgsqlConnection connection, string waMessageId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE wa_message_id = @waMessageId)", new { waMessageId }, cancellationToken: ct));

    /// <summary>True while a send to the chat has not recorded its WhatsApp id yet.</summary>
    public static async Task<bool> SendInFlightAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE wa_chat_id = @waChatId AND state = 'sending')", new { waChatId }, cancellationToken: ct));

    /// <summary>Retention: deletes sent and dead rows created before <paramref name="keep"/> ago; pending work stays.</summary>
    public static Task<int> DeleteFinishedBeforeAsync(NpgsqlConnection connection, TimeSpan keep, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE state IN ('sent', 'dead') AND created_at < now() - @keep", new { keep }, cancellationToken: ct));

    /// <summary>Rows waiting to be sent (pending or sending) and dead letters.</summary>
    public static Task<(long Waiting, long Dead)> DepthsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.QuerySingleAsync<(long Waiting, long Dead)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')) AS outbox,
                   (SELECT count(*) FROM outbox WHERE state = 'dead') AS dead
            """, cancellationToken: ct));

    /// <summary>p50 and p95 in milliseconds from creation to send over the newest <paramref name="window"/> sent rows.</summary>
    public static Task<(long Samples, double? P50, double? P95)> LatencyAsync(NpgsqlConnection connection, int window, CancellationToken ct) =>
        // Pauses are the bot's deliberate waits, not messages; they would only blur the figure.
        connection.QuerySingleAsync<(long Samples, double? P50, double? P95)>(new CommandDefinition(
            """
            WITH outbound AS (
                SELECT extract(epoch FROM sent_at - created_at)::double precision * 1000 AS ms
                FROM outbox WHERE state = 'sent' AND sent_at IS NOT NULL AND kind <> 'pause' ORDER BY id DESC LIMIT @window)
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)
            FROM outbound
            """, new { window }, cancellationToken: ct));

    /// <summary>The newest dead letters (at most <paramref name="limit"/>) and how many there are.</summary>
    public static async Task<(IReadOnlyList<DeadLetterRow> Rows, long Total)> DeadLettersAsync(NpgsqlConnection connection, int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT id, wa_chat_id, lane, kind, attempts, last_error, created_at, chatwoot_conversation_id
            FROM outbox WHERE state = 'dead' ORDER BY id DESC LIMIT @limit;
            SELECT count(*) FROM outbox WHERE state = 'dead';
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { limit }, cancellationToken: ct));
        var rows = await results.ReadAsync<(long Id, string WaChatId, string Lane, string Kind, int Attempts, string? LastError, DateTime CreatedAt, long? ChatwootConversationId)>();
        var total = await results.ReadSingleAsync<long>();
        return (rows.Select(r => new DeadLetterRow(r.Id, r.WaChatId, r.Lane, r.Kind, r.Attempts, r.LastError, r.CreatedAt, r.ChatwootConversationId)).ToList(), total);
    }

    /// <summary>The row's state (<c>pending</c>, <c>sending</c>, <c>sent</c>, <c>dead</c>), or null when there is no such row.</summary>
    public static Task<string?> StateAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT state FROM outbox WHERE id = @id", new { id }, cancellationToken: ct));

    /// <summary>The dedupe key of the row that recorded each of these WhatsApp ids.</summary>
    public static async Task<Dictionary<string, string>> DedupeKeysAsync(NpgsqlConnection connection, string[] waMessageIds, CancellationToken ct) =>
        (await connection.QueryAsync<(string WaMessageId, string DedupeKey)>(new CommandDefinition(
            "SELECT wa_message_id, dedupe_key FROM outbox WHERE wa_message_id = ANY(@waMessageIds)", new { waMessageIds }, cancellationToken: ct)))
            .ToDictionary(r => r.WaMessageId, r => r.DedupeKey);

    /// <summary>The chat's WhatsApp sends still in flight (no WhatsApp id yet), oldest first, with their text.</summary>
    public static async Task<List<(string DedupeKey, string? Text)>> InFlightTextsAsync(NpgsqlConnection connection, string chatId, CancellationToken ct) =>
        (await connection.QueryAsync<(string DedupeKey, string? Text)>(new CommandDefinition(
            """
            SELECT dedupe_key, payload->>'text' FROM outbox
            WHERE wa_chat_id = @chatId AND lane = 'whatsapp' AND state = 'sending' AND wa_message_id IS NULL ORDER BY id
            """, new { chatId }, cancellationToken: ct))).ToList();

    /// <summary>
    /// Service notices the governor finished without sending in the last day: "dropped: cold …" (the driver has not
    /// written within the window) and "dropped: expired …" (queued longer than the notice age), as SendGovernor files them.
    /// </summary>
    public static async Task<(long Cold, long Expired)> SkippedNoticesAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE last_error LIKE 'dropped: cold%') AS cold,
                   count(*) FILTER (WHERE last_error LIKE 'dropped: expired%') AS expired
            FROM outbox
            WHERE message_class = 'service_notice' AND state = 'sent' AND sent_at > now() - interval '1 day'
            """, cancellationToken: ct));
}
