using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Data;
using Onboarding.Data.Portugal;

namespace Onboarding.Bridge.Contacts;

/// <summary>
/// Maps WhatsApp chats to Chatwoot contacts and conversations. Every id is stored before it is used, and every
/// step looks the mapping up first, so a crash at any point replays without creating a second contact or conversation.
/// </summary>
public sealed partial class ContactDirectory(NpgsqlDataSource dataSource, ChatwootClient chatwoot, WppConnectClient wpp, IOptions<TypebotOptions> typebot)
{
    private sealed class ContactRow
    {
        public long Id { get; init; }
        public string WaChatId { get; init; } = "";
        public string? PhoneE164 { get; init; }
        public string? DisplayName { get; init; }
        public long? ChatwootContactId { get; init; }
        public string? ChatwootSourceId { get; init; }
    }

    /// <summary>The chat's Chatwoot conversation, created (with contact and contact inbox) when missing.</summary>
    public async Task<ChatwootTarget> EnsureAsync(string waChatId, string? displayName, CancellationToken ct)
    {
        // One holder per chat across replicas: the lookups and creations below must not race a second worker.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var lockKey = "contact:" + waChatId;
        await AdvisoryLock.TakeAsync(connection, lockKey, ct);
        try
        {
            var contact = await FindOrCreateContactRowAsync(connection, waChatId, displayName, ct);
            var chatwootContactId = contact.ChatwootContactId is { } known ? (int)known : await CreateChatwootContactAsync(connection, contact, ct);
            var sourceId = contact.ChatwootSourceId ?? SourceIdFor(contact);
            var conversation = await connection.QuerySingleOrDefaultAsync<(long ChatwootConversationId, string Mode)?>(new CommandDefinition(
                "SELECT chatwoot_conversation_id, mode FROM conversations WHERE contact_id = @Id ORDER BY id DESC LIMIT 1", new { contact.Id }, cancellationToken: ct));
            if (conversation is { } current)
            {
                return new ChatwootTarget(contact.Id, chatwootContactId, (int)current.ChatwootConversationId, current.Mode);
            }

            // With a bot, a new conversation is nobody's yet: the router starts the bot on this first message.
            var mode = typebot.Value.Enabled ? "closed" : "human";
            var created = await chatwoot.CreateConversationAsync(chatwootContactId, sourceId, ct: ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO conversations (contact_id, chatwoot_conversation_id, mode) VALUES (@contactId, @conversationId, @mode)",
                new { contactId = contact.Id, conversationId = (long)created.Id, mode }, cancellationToken: ct));
            return new ChatwootTarget(contact.Id, chatwootContactId, created.Id, mode);
        }
        finally
        {
            await AdvisoryLock.ReleaseAsync(connection, lockKey);
        }
    }

    /// <summary>The stored conversation no longer exists in Chatwoot (deleted): forget it so the next call makes a new one.</summary>
    public async Task ForgetConversationAsync(int chatwootConversationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversations WHERE chatwoot_conversation_id = @id", new { id = (long)chatwootConversationId }, cancellationToken: ct));
    }

    /// <summary>The WhatsApp chat of a Chatwoot conversation we manage, or null when it is not ours.</summary>
    public async Task<string?> ChatOfConversationAsync(int chatwootConversationId, CancellationToken ct)
    {
        const string sql = """
            SELECT c.wa_chat_id FROM conversations v JOIN contacts c ON c.id = v.contact_id
            WHERE v.chatwoot_conversation_id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { id = (long)chatwootConversationId }, cancellationToken: ct));
    }

    private async Task<ContactRow> FindOrCreateContactRowAsync(NpgsqlConnection connection, string waChatId, string? displayName, CancellationToken ct)
    {
        const string select = """
            SELECT id, wa_chat_id, phone_e164, display_name, chatwoot_contact_id, chatwoot_source_id FROM contacts
            WHERE wa_chat_id = @waChatId OR lid = @waChatId ORDER BY (wa_chat_id = @waChatId) DESC LIMIT 1
            """;
        if (await connection.QuerySingleOrDefaultAsync<ContactRow>(new CommandDefinition(select, new { waChatId }, cancellationToken: ct)) is { } existing)
        {
            return existing;
        }

        string? phone = Phone.FromChatId(waChatId);
        string? lid = null;
        if (Phone.IsLid(waChatId))
        {
            // A privacy id is not a phone number: ask WPPConnect for the number behind it and join that contact.
            lid = waChatId;
            var entry = await wpp.LookupPnLidAsync(waChatId, ct);
            if (entry.PhoneNumber is { } pn && Phone.FromChatId(pn) is { } resolved)
            {
                phone = resolved;
                var phoneChat = Phone.ToChatId(resolved);
                var updated = await connection.QuerySingleOrDefaultAsync<ContactRow>(new CommandDefinition(
                    """
                    UPDATE contacts SET lid = @lid, updated_at = now() WHERE wa_chat_id = @phoneChat
                    RETURNING id, wa_chat_id, phone_e164, display_name, chatwoot_contact_id, chatwoot_source_id
                    """, new { lid, phoneChat }, cancellationToken: ct));
                if (updated is not null)
                {
                    return updated;
                }

                waChatId = phoneChat;
            }
        }

        const string insert = """
            INSERT INTO contacts (wa_chat_id, phone_e164, lid, display_name) VALUES (@waChatId, @phone, @lid, @displayName)
            ON CONFLICT (wa_chat_id) DO UPDATE SET lid = COALESCE(contacts.lid, EXCLUDED.lid)
            RETURNING id, wa_chat_id, phone_e164, display_name, chatwoot_contact_id, chatwoot_source_id
            """;
        return await connection.QuerySingleAsync<ContactRow>(new CommandDefinition(insert, new { waChatId, phone, lid, displayName = Limit(displayName) }, cancellationToken: ct));
    }

    private async Task<int> CreateChatwootContactAsync(NpgsqlConnection connection, ContactRow contact, CancellationToken ct)
    {
        var sourceId = SourceIdFor(contact);
        var found = contact.PhoneE164 is { } phone ? await chatwoot.FindContactByPhoneAsync(phone, ct) : null;
        found ??= await chatwoot.FindContactByIdentifierAsync(contact.WaChatId, ct);
        int id;
        if (found is not null)
        {
            id = found.Id;
        }
        else
        {
            var name = string.IsNullOrWhiteSpace(contact.DisplayName) ? contact.PhoneE164 ?? contact.WaChatId : contact.DisplayName;
            var creation = await chatwoot.CreateContactAsync(name, contact.PhoneE164, contact.WaChatId, sourceId, ct: ct);
            if (creation.Contact is { } created)
            {
                id = created.Id;
            }
            else
            {
                // Taken by a contact our lookups missed (e.g. created by hand with another format): search once more.
                var again = (contact.PhoneE164 is { } p ? await chatwoot.FindContactByPhoneAsync(p, ct) : null)
                    ?? await chatwoot.FindContactByIdentifierAsync(contact.WaChatId, ct)
                    ?? throw new InvalidOperationException($"Chatwoot refused the contact: {creation.Rejection}");
                id = again.Id;
            }
        }

        await chatwoot.EnsureContactInboxAsync(id, sourceId, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET chatwoot_contact_id = @id, chatwoot_source_id = @sourceId, updated_at = now() WHERE id = @contactId",
            new { id = (long)id, sourceId, contactId = contact.Id }, cancellationToken: ct));
        return id;
    }

    private static string SourceIdFor(ContactRow contact) => contact.ChatwootSourceId ?? contact.WaChatId;

    private static string? Limit(string? name) => name is { Length: > 80 } ? name[..80] : name;
}
