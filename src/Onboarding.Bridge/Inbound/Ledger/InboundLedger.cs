using Dapper;
using Npgsql;
using Onboarding.Data;

namespace Onboarding.Bridge.Inbound.Ledger;

/// <summary>One pending WhatsApp message as claimed for processing.</summary>
public class LedgerRow
{
    public long Id { get; init; }
    public string WaMessageId { get; init; } = "";
    public string WaChatId { get; init; } = "";
    public bool FromMe { get; init; }
    public DateTime WaTimestamp { get; init; }
    public string Payload { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime ReceivedAt { get; init; }
    public long? ChatwootMessageId { get; init; }
    public DateTime? RoutedAt { get; init; }

    /// <summary><c>webhook</c> or <c>poll</c> (the catch-up, or a peek before mirroring).</summary>
    public string ReceivedVia { get; init; } = "";

    /// <summary>The row's place in WhatsApp Web's order of its chat, once a read of the chat has placed it.</summary>
    public int? ChatPosition { get; init; }

    /// <summary>How long ago the ledger received it, by the database's clock.</summary>
    public TimeSpan Age { get; init; }
}

/// <summary>The head of a chat's queue, with whether it is due yet.</summary>
internal sealed class HeadRow : LedgerRow
{
    public bool Due { get; init; }
}

/// <summary>A message to record in the ledger.</summary>
public sealed record LedgerEntry(string WaMessageId, string WaChatId, bool FromMe, DateTime WaTimestamp, string PayloadJson);

/// <summary>
/// The inbound ledger: the unique WhatsApp message id makes a webhook, a replayed webhook and the catch-up poll
/// record each message once, whichever arrives first. A message of an erased driver keeps only a hash of its id
/// (<c>erased:</c> + SHA-256, docs/0020), which still stops a replay from recording it again.
/// </summary>
public sealed class InboundLedger(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records a message; false when the ledger already had it. A webhook for a message a read of the chat recorded
    /// first (its <c>body</c> at most a thumbnail) replaces that payload while the row waits unmirrored, and makes it
    /// due, so the file WPPConnect's auto-download put in the webhook's <c>body</c> is not lost.
    /// </summary>
    public async Task<bool> RecordAsync(string waMessageId, string waChatId, bool fromMe, DateTime waTimestamp, string via, string payloadJson, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO inbound_messages (wa_message_id, wa_chat_id, from_me, wa_timestamp, received_via, payload)
            SELECT @waMessageId, @waChatId, @fromMe, @waTimestamp, @via, @payload
            WHERE NOT EXISTS (SELECT 1 FROM inbound_messages WHERE wa_message_id = 'erased:' || encode(sha256(convert_to(@waMessageId, 'UTF8')), 'hex'))
            ON CONFLICT (wa_message_id) DO UPDATE SET payload = EXCLUDED.payload, next_attempt_at = LEAST(inbound_messages.next_attempt_at, now())
              WHERE EXCLUDED.received_via = 'webhook' AND inbound_messages.received_via = 'poll'
                AND inbound_messages.state = 'pending' AND inbound_messages.chatwoot_message_id IS NULL
                AND inbound_messages.payload->>'body' IS DISTINCT FROM EXCLUDED.payload->>'body'
            RETURNING xmax = 0
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(sql, new
        {
            waMessageId,
            waChatId,
            fromMe,
            waTimestamp,
            via,
            payload = new Jsonb(payloadJson),
        }, cancellationToken: ct)) == true;
    }

    /// <summary>
    /// Records one chat's messages from the catch-up poll, oldest first, in one statement; returns how many were new.
    /// Each pending row of the batch, new or already there, also gets its place in the chat, which orders messages of
    /// the same second (a webhook for a later message may have arrived before the poll found an earlier one).
    /// </summary>
    public async Task<int> RecordManyAsync(IReadOnlyList<LedgerEntry> entries, string via, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        const string sql = """
            WITH recorded AS (
              INSERT INTO inbound_messages (wa_message_id, wa_chat_id, from_me, wa_timestamp, received_via, payload, chat_position)
              SELECT e.id, e.chat, e.from_me, e.at, @via, e.payload::jsonb, e.n
              FROM unnest(@ids, @chats, @fromMe, @ats, @payloads) WITH ORDINALITY AS e(id, chat, from_me, at, payload, n)
              WHERE NOT EXISTS (SELECT 1 FROM inbound_messages x WHERE x.wa_message_id = 'erased:' || encode(sha256(convert_to(e.id, 'UTF8')), 'hex'))
              ORDER BY e.n
              ON CONFLICT (wa_message_id) DO UPDATE SET chat_position = EXCLUDED.chat_position
                WHERE inbound_messages.state = 'pending' AND inbound_messages.chat_position IS DISTINCT FROM EXCLUDED.chat_position
              RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int FROM recorded
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new
        {
            via,
            ids = entries.Select(e => e.WaMessageId).ToArray(),
            chats = entries.Select(e => e.WaChatId).ToArray(),
            fromMe = entries.Select(e => e.FromMe).ToArray(),
            ats = entries.Select(e => e.WaTimestamp).ToArray(),
            payloads = entries.Select(e => e.PayloadJson).ToArray(),
        }, cancellationToken: ct));
    }

    /// <summary>Chats with work due now, oldest first.</summary>
    public async Task<IReadOnlyList<string>> DueChatsAsync(int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT wa_chat_id FROM inbound_messages
            WHERE state = 'pending' AND next_attempt_at <= now()
            GROUP BY wa_chat_id ORDER BY min(id) LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// The chat's oldest pending message if it is due. Later messages of the chat wait behind it, so a failing
    /// message keeps the chat in order instead of letting newer ones overtake it.
    /// </summary>
    public static async Task<LedgerRow?> HeadAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct)
    {
        const string sql = """
            SELECT id, wa_message_id, wa_chat_id, from_me, wa_timestamp, payload::text AS payload, attempts, received_at,
                   chatwoot_message_id, routed_at, received_via, chat_position, now() - received_at AS age,
                   next_attempt_at <= now() AS due
            FROM inbound_messages
            WHERE wa_chat_id = @waChatId AND state = 'pending'
            ORDER BY wa_timestamp, chat_position NULLS LAST, id LIMIT 1
            """;
        var row = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(sql, new { waChatId }, cancellationToken: ct));
        return row is { Due: true } ? row : null;
    }

    /// <summary>The stored event of a message, or null when the ledger never had it.</summary>
    public static Task<string?> FindPayloadAsync(NpgsqlConnection connection, string waMessageId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT payload::text FROM inbound_messages WHERE wa_message_id = @waMessageId", new { waMessageId }, cancellationToken: ct));

    /// <summary>
    /// True when a message of the chat written after <paramref name="waTimestamp"/> is already in Chatwoot: the row
    /// arrived after it (a Cloud API delivery Meta retried, docs/0049).
    /// </summary>
    public static Task<bool> LaterMirroredAsync(NpgsqlConnection connection, string waChatId, DateTime waTimestamp, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM inbound_messages
                           WHERE wa_chat_id = @waChatId AND wa_timestamp > @waTimestamp AND chatwoot_message_id IS NOT NULL)
            """, new { waChatId, waTimestamp }, cancellationToken: ct));

    /// <summary>Counts this processing of the row as attempt <paramref name="attempt"/> (idempotent within one processing).</summary>
    public static Task MarkAttemptAsync(NpgsqlConnection connection, long id, int attempt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET attempts = GREATEST(attempts, @attempt) WHERE id = @id", new { id, attempt }, cancellationToken: ct));

    public static Task MarkDoneAsync(NpgsqlConnection connection, long id, long? chatwootMessageId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET state = 'done', chatwoot_message_id = @chatwootMessageId, processed_at = now(), last_error = NULL WHERE id = @id",
            new { id, chatwootMessageId }, cancellationToken: ct));

    /// <summary>Posted to Chatwoot: a replay (e.g. while the bot step waits) does not post it again.</summary>
    public static Task MarkMirroredAsync(NpgsqlConnection connection, long id, long chatwootMessageId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET chatwoot_message_id = @chatwootMessageId WHERE id = @id", new { id, chatwootMessageId }, cancellationToken: ct));

    /// <summary>Not a failure: look again after <paramref name="delay"/> (a burst still arriving, a bot call to retry).</summary>
    public static Task PostponeAsync(NpgsqlConnection connection, long id, TimeSpan delay, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET next_attempt_at = now() + @delay WHERE id = @id", new { id, delay }, cancellationToken: ct));

    /// <summary>Chatwoot's rate limit: due again after <paramref name="delay"/>, with its attempts as they were before this processing.</summary>
    public static Task MarkThrottledAsync(NpgsqlConnection connection, long id, int attempts, string reason, TimeSpan delay, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET attempts = @attempts, last_error = @reason, next_attempt_at = now() + @delay WHERE id = @id",
            new { id, attempts, reason, delay }, cancellationToken: ct));

    public static Task MarkSkippedAsync(NpgsqlConnection connection, long id, string reason, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET state = 'skipped', skip_reason = @reason, processed_at = now() WHERE id = @id",
            new { id, reason }, cancellationToken: ct));

    public static Task MarkRetryAsync(NpgsqlConnection connection, long id, string error, TimeSpan delay, bool giveUp, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE inbound_messages SET last_error = @error,
                state = CASE WHEN @giveUp THEN 'failed' ELSE 'pending' END,
                next_attempt_at = now() + @delay,
                processed_at = CASE WHEN @giveUp THEN now() END
            WHERE id = @id
            """,
            new { id, error = error.Length > 500 ? error[..500] : error, delay, giveUp }, cancellationToken: ct));

    /// <summary>The driver's messages of the chat not yet given to the bot, oldest first (at most 20).</summary>
    public static async Task<List<(long Id, string Payload, DateTime ReceivedAt)>> UnroutedAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        (await connection.QueryAsync<(long Id, string Payload, DateTime ReceivedAt)>(new CommandDefinition(
            """
            SELECT id, payload::text, received_at FROM inbound_messages
            WHERE wa_chat_id = @waChatId AND state = 'pending' AND NOT from_me AND routed_at IS NULL
            ORDER BY wa_timestamp, chat_position NULLS LAST, id LIMIT 20
            """, new { waChatId }, cancellationToken: ct))).AsList();

    /// <summary>The rows were given to the bot (or to the agents instead): the bot never sees them again.</summary>
    public static Task MarkRoutedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] rows, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbound_messages SET routed_at = now() WHERE id = ANY(@rows)", new { rows }, transaction, cancellationToken: ct));

    /// <summary>Retention: deletes finished rows received before <paramref name="keep"/> ago; pending work stays.</summary>
    public static Task<int> DeleteFinishedBeforeAsync(NpgsqlConnection connection, TimeSpan keep, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbound_messages WHERE state <> 'pending' AND received_at < now() - @keep", new { keep }, cancellationToken: ct));

    /// <summary>Rows waiting to be mirrored (the backlog) and rows given up.</summary>
    public static Task<(long Backlog, long Failed)> DepthsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.QuerySingleAsync<(long Backlog, long Failed)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM inbound_messages WHERE state = 'pending') AS backlog,
                   (SELECT count(*) FROM inbound_messages WHERE state = 'failed') AS failedinbound
            """, cancellationToken: ct));

    /// <summary>p50 and p95 in milliseconds from arrival to mirrored over the newest <paramref name="window"/> finished rows.</summary>
    public static Task<(long Samples, double? P50, double? P95)> LatencyAsync(NpgsqlConnection connection, int window, CancellationToken ct) =>
        connection.QuerySingleAsync<(long Samples, double? P50, double? P95)>(new CommandDefinition(
            """
            WITH inbound AS (
                SELECT extract(epoch FROM processed_at - received_at)::double precision * 1000 AS ms
                FROM inbound_messages WHERE state = 'done' AND processed_at IS NOT NULL ORDER BY id DESC LIMIT @window)
            SELECT count(*) AS samples,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
            FROM inbound
            """, new { window }, cancellationToken: ct));
}
