using Dapper;
using Npgsql;
using Onboarding.Data.Portugal;

namespace Onboarding.Data.Drivers;

/// <summary>
/// GDPR erasure of every copy of a driver's data outside the driver row, inside the caller's transaction (docs/0020).
/// The driver's chats are the bound chat, the phone's <c>@c.us</c> chat and every chat or <c>@lid</c> of a contact
/// of those. Ledger and outbox rows of those chats keep their state, with an empty payload, a placeholder chat and
/// their ids hashed, so exactly-once still holds; pending work is dropped; contacts (and with them the conversations
/// and bot sessions) are deleted; idempotency answers naming the driver are deleted; and one outbox row per Chatwoot
/// contact deletes it there.
/// </summary>
internal static class DriverErasure
{
    private const string ChatsSql = """
        WITH seed AS (SELECT unnest(@seeds::text[]) AS chat),
             mine AS (SELECT wa_chat_id, lid, chatwoot_contact_id FROM contacts
                      WHERE driver_id = @id OR wa_chat_id IN (SELECT chat FROM seed) OR lid IN (SELECT chat FROM seed))
        SELECT chat FROM seed WHERE chat IS NOT NULL
        UNION SELECT wa_chat_id FROM mine
        UNION SELECT lid FROM mine WHERE lid IS NOT NULL
        """;

    private const string ChatwootContactsSql = """
        SELECT DISTINCT chatwoot_contact_id FROM contacts
        WHERE (driver_id = @id OR wa_chat_id = ANY(@chats) OR lid = ANY(@chats)) AND chatwoot_contact_id IS NOT NULL
        """;

    private const string ConversationsSql = """
        SELECT v.chatwoot_conversation_id FROM conversations v JOIN contacts c ON c.id = v.contact_id
        WHERE c.driver_id = @id OR c.wa_chat_id = ANY(@chats) OR c.lid = ANY(@chats)
        UNION SELECT chatwoot_conversation_id FROM drivers WHERE id = @id AND chatwoot_conversation_id IS NOT NULL
        """;

    private const string LedgerSql = """
        UPDATE inbound_messages SET
            payload = jsonb_build_object('erased', true), wa_chat_id = @tombstone, wa_message_id = 'erased:' || encode(sha256(convert_to(wa_message_id, 'UTF8')), 'hex'),
            state = CASE WHEN state = 'pending' THEN 'skipped' ELSE state END,
            skip_reason = CASE WHEN state = 'pending' THEN 'erased' ELSE skip_reason END,
            last_error = NULL, processed_at = COALESCE(processed_at, now())
        WHERE wa_chat_id = ANY(@chats)
        """;

    // Unsent rows are finished as dropped (like a send whose target is gone), never dead letters someone could retry.
    private const string OutboxSql = """
        UPDATE outbox SET
            payload = '{}'::jsonb, wa_chat_id = @tombstone, dedupe_key = 'erased:' || encode(sha256(convert_to(dedupe_key, 'UTF8')), 'hex'),
            wa_message_id = CASE WHEN wa_message_id IS NULL THEN NULL ELSE 'erased:' || encode(sha256(convert_to(wa_message_id, 'UTF8')), 'hex') END,
            state = 'sent', sent_at = COALESCE(sent_at, now()),
            last_error = CASE WHEN state = 'sent' THEN NULL ELSE 'dropped: erased' END
        WHERE wa_chat_id = ANY(@chats) OR chatwoot_conversation_id = ANY(@conversations)
        """;

    // WhatsApp message ids embed the chat id (true_351…@c.us_3EB0…).
    private const string ReceiptsSql = """
        DELETE FROM message_receipts r WHERE EXISTS (SELECT 1 FROM unnest(@chats::text[]) c WHERE strpos(r.wa_message_id, c) > 0)
        """;

    private const string ContactsSql = "DELETE FROM contacts WHERE driver_id = @id OR wa_chat_id = ANY(@chats) OR lid = ANY(@chats)";

    // The application stays as an anonymous count (its contact goes with the contacts); where the driver lived and
    // what they drive go with the driver's fields.
    private const string ApplicationsSql = "UPDATE applications SET district_code = NULL, vehicle_type = NULL WHERE driver_id = @id";

    private const string IdempotencySql = "DELETE FROM idempotency_keys WHERE strpos(response_body, @id::text) > 0";

    private const string ChatwootDeleteSql = """
        INSERT INTO outbox (dedupe_key, wa_chat_id, lane, kind, payload)
        SELECT 'erase:' || @id::text || ':contact:' || c, @tombstone, 'chatwoot', 'cw_delete_contact', jsonb_build_object('contactId', c)
        FROM unnest(@contacts::bigint[]) AS c
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    // Documents (docs/0033): the rows go (reminders with them, views keep who looked and when but not at what).
    private const string DocumentsSql = """
        DELETE FROM driver_documents WHERE driver_id = @id;
        DELETE FROM document_checklists WHERE driver_id = @id;
        """;

    /// <summary>The keys of every file the driver sent, replaced ones included, for the store to delete.</summary>
    public static async Task<string[]> DocumentKeysAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT file_key FROM driver_documents WHERE driver_id = @id", new { id }, tx, cancellationToken: ct))).ToArray();

    /// <summary>The placeholder chat of an erased driver's rows: no phone, and a lane of its own for the Chatwoot deletion.</summary>
    public static string Tombstone(Guid id) => "erased:" + id;

    /// <summary>The driver's chats: the bound one, the phone's, and every chat and lid of a contact of those.</summary>
    public static async Task<string[]> ChatsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, string phoneE164, string? waChatId, CancellationToken ct)
    {
        string?[] seeds = [waChatId, phoneE164.StartsWith('+') ? Phone.ToChatId(phoneE164) : null];
        return (await connection.QueryAsync<string>(new CommandDefinition(ChatsSql, new { id, seeds }, tx, cancellationToken: ct))).ToArray();
    }

    public static async Task EraseCopiesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, string phoneE164, string? waChatId, CancellationToken ct)
    {
        var chats = await ChatsAsync(connection, tx, id, phoneE164, waChatId, ct);
        var contacts = (await connection.QueryAsync<long>(new CommandDefinition(ChatwootContactsSql, new { id, chats }, tx, cancellationToken: ct))).ToArray();
        var conversations = (await connection.QueryAsync<long>(new CommandDefinition(ConversationsSql, new { id, chats }, tx, cancellationToken: ct))).ToArray();
        var args = new { id, chats, conversations, contacts, tombstone = Tombstone(id) };
        foreach (var sql in new[] { LedgerSql, OutboxSql, ReceiptsSql, ApplicationsSql, ContactsSql, IdempotencySql, ChatwootDeleteSql, DocumentsSql })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        }
    }
}
