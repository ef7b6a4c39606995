using Dapper;
using Npgsql;

namespace Onboarding.Data.Drivers;

/// <summary>One place outside the driver row that holds the driver's data, and what it holds there (docs/0020).</summary>
public sealed record DriverDataPlace(string Place, long Rows, string Holds);

/// <summary>A WhatsApp message of the driver's chats as the ledger keeps it.</summary>
public sealed record DriverMessage(DateTime At, bool FromDriver, string Type, string? Text);

/// <summary>A WhatsApp chat of the driver and its Chatwoot mapping.</summary>
public sealed record DriverContact(string WaChatId, string? PhoneE164, string? Lid, string? DisplayName, string? Language, long? ChatwootContactId);

/// <summary>Everything held about a driver outside the driver row: the set of places erasure clears (GDPR art. 15).</summary>
public sealed record DriverDataCopiesResult(IReadOnlyList<DriverDataPlace> Places, IReadOnlyList<DriverContact> Contacts, IReadOnlyList<DriverMessage> Messages);

/// <summary>Reads the copies <see cref="DriverErasure"/> removes, for the GDPR export.</summary>
public sealed class DriverDataCopies(NpgsqlDataSource dataSource)
{
    private const string PlacesSql = """
        SELECT 'inbound_messages' AS place, count(*) AS rows, 'WhatsApp messages received or sent in the driver''s chats, as WPPConnect gave them (text, files as base64, sender name)' AS holds
          FROM inbound_messages WHERE wa_chat_id = ANY(@chats)
        UNION ALL SELECT 'outbox', count(*), 'messages to the driver (bot, agents, status notices) and Chatwoot side effects (mirrored bot messages, private notes with the registration summary)'
          FROM outbox WHERE wa_chat_id = ANY(@chats)
        UNION ALL SELECT 'message_receipts', count(*), 'delivery and read receipts of messages to the driver'
          FROM message_receipts r WHERE EXISTS (SELECT 1 FROM unnest(@chats::text[]) c WHERE strpos(r.wa_message_id, c) > 0)
        UNION ALL SELECT 'contacts', count(*), 'WhatsApp chat, phone, privacy id (lid), WhatsApp name, language, Chatwoot contact id, when reminders were stopped'
          FROM contacts WHERE driver_id = @id OR wa_chat_id = ANY(@chats) OR lid = ANY(@chats)
        UNION ALL SELECT 'conversations', count(*), 'Chatwoot conversation, bot or agents mode, Typebot session id and its pending input, handoff reason, reminder and recovery times'
          FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.driver_id = @id OR c.wa_chat_id = ANY(@chats) OR c.lid = ANY(@chats)
        UNION ALL SELECT 'idempotency_keys', count(*), 'stored answers to the registration (name, reference)'
          FROM idempotency_keys WHERE strpos(response_body, @id::text) > 0
        UNION ALL SELECT 'driver_status_history', count(*), 'review decisions with their reasons'
          FROM driver_status_history WHERE driver_id = @id
        UNION ALL SELECT 'driver_documents', count(*), 'identity, licence and vehicle documents sent (files in the document store: type, size, SHA-256, review, expiry date)'
          FROM driver_documents WHERE driver_id = @id
        UNION ALL SELECT 'document_views', count(*), 'which staff member opened which document file, and when'
          FROM document_views WHERE driver_id = @id
        """;

    private const string ContactsSql = """
        SELECT wa_chat_id, phone_e164, lid, display_name, language, chatwoot_contact_id FROM contacts
        WHERE driver_id = @id OR wa_chat_id = ANY(@chats) OR lid = ANY(@chats) ORDER BY id
        """;

    private const string MessagesSql = """
        SELECT wa_timestamp AS at, NOT from_me AS from_driver, COALESCE(payload->>'type', 'chat') AS type,
               CASE WHEN COALESCE(payload->>'type', 'chat') = 'chat' THEN payload->>'body' ELSE payload->>'caption' END AS text
        FROM inbound_messages WHERE wa_chat_id = ANY(@chats) ORDER BY wa_timestamp, id
        """;

    public async Task<DriverDataCopiesResult> ReadAsync(Driver driver, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var chats = await DriverErasure.ChatsAsync(connection, null, driver.Id, driver.PhoneE164, driver.WaChatId, ct);
        var args = new { id = driver.Id, chats };
        var places = (await connection.QueryAsync<DriverDataPlace>(new CommandDefinition(PlacesSql, args, cancellationToken: ct))).AsList();
        var contacts = (await connection.QueryAsync<DriverContact>(new CommandDefinition(ContactsSql, args, cancellationToken: ct))).AsList();
        var messages = (await connection.QueryAsync<DriverMessage>(new CommandDefinition(MessagesSql, args, cancellationToken: ct))).AsList();
        places.Add(new DriverDataPlace("chatwoot", contacts.Count(c => c.ChatwootContactId is not null),
            "the Chatwoot contact (name, phone, chat id) with its conversations: every message, private notes and files"));
        return new DriverDataCopiesResult(places, contacts, messages);
    }
}
