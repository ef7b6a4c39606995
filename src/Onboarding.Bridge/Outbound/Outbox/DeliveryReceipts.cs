using Dapper;
using Npgsql;
using Onboarding.Bridge.Drains;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// WhatsApp delivery receipts (<c>onack</c>) for messages agents wrote, shown in Chatwoot as the message's status
/// (delivered, read, failed) through the Chatwoot lane of the outbox. A receipt may arrive before its send has
/// recorded the WhatsApp id, so it is stored and matched by whichever comes second; the dedupe key keeps it once.
/// </summary>
public sealed class DeliveryReceipts(NpgsqlDataSource dataSource, BridgeSignal signal)
{
    /// <summary>WPPConnect's ack: -1 failed, 0 pending, 1 sent (server), 2 delivered, 3 read, 4 played.</summary>
    public static string? StatusOf(int ack) => ack switch
    {
        -1 => "failed",
        2 => "delivered",
        3 or 4 => "read",
        _ => null,
    };

    public Task<bool> RecordAsync(string waMessageId, int ack, CancellationToken ct) => RecordAsync(waMessageId, ack, null, ct);

    /// <summary>
    /// Records a receipt; a failure (the Cloud API's <c>failed</c> status, with <paramref name="error"/>) replaces a mere
    /// "sent", since Meta reports failures such as 131047 and 131026 after accepting the message; nothing replaces
    /// "delivered" or "read".
    /// </summary>
    public async Task<bool> RecordAsync(string waMessageId, int ack, string? error, CancellationToken ct)
    {
        if (StatusOf(ack) is null)
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO message_receipts (wa_message_id, ack, error) VALUES (@waMessageId, @ack, @error)
            ON CONFLICT (wa_message_id) DO UPDATE SET
                ack = CASE WHEN EXCLUDED.ack < 0 AND message_receipts.ack < 2 THEN EXCLUDED.ack ELSE GREATEST(message_receipts.ack, EXCLUDED.ack) END,
                error = CASE WHEN EXCLUDED.ack < 0 AND message_receipts.ack < 2 THEN EXCLUDED.error ELSE message_receipts.error END,
                updated_at = now()
            """, new { waMessageId, ack, error }, cancellationToken: ct));
        return await MatchAsync(connection, waMessageId, ct);
    }

    /// <summary>Called once a send has recorded its WhatsApp id: a receipt that came first is shown now.</summary>
    public async Task<bool> MatchAsync(NpgsqlConnection connection, string waMessageId, CancellationToken ct)
    {
        var match = await connection.QuerySingleOrDefaultAsync<(string Chat, long Conversation, long Message, int Ack, string? Error)?>(new CommandDefinition(
            """
            SELECT o.wa_chat_id, o.chatwoot_conversation_id, o.chatwoot_message_id, r.ack, r.error
            FROM outbox o JOIN message_receipts r ON r.wa_message_id = o.wa_message_id
            WHERE o.wa_message_id = @waMessageId AND o.chatwoot_conversation_id IS NOT NULL AND o.chatwoot_message_id IS NOT NULL
            LIMIT 1
            """, new { waMessageId }, cancellationToken: ct));
        if (match is not { } row || StatusOf(row.Ack) is not { } status)
        {
            return false;
        }

        var recorded = await OutboxStore.InsertAsync(connection, null, new OutboxEntry($"ack:{waMessageId}:{status}", row.Chat,
            OutboxKinds.ChatwootMessageStatus, new OutboxPayload { Status = status, Text = status == "failed" ? row.Error : null })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = (int)row.Conversation,
            ChatwootMessageId = (int)row.Message,
        }, ct);
        if (recorded)
        {
            signal.Wake();
        }

        return recorded;
    }

    /// <summary>Retention: deletes receipts last changed before <paramref name="keep"/> ago.</summary>
    public static Task<int> DeleteOlderThanAsync(NpgsqlConnection connection, TimeSpan keep, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM message_receipts WHERE updated_at < now() - @keep", new { keep }, cancellationToken: ct));
}
