using System.Text.Json;
using Dapper;
using Npgsql;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Contacts;

// The rest of what the bridge stores in contacts and conversations: the router's state (mode, Typebot session,
// language) and the reads and deletions of the console, the retention job and the registration.
public sealed partial class ContactDirectory
{
    private const string ConversationColumns = """
        v.id, v.contact_id, v.chatwoot_conversation_id, v.mode, v.typebot_session_id, v.typebot_input::text AS typebot_input,
        v.bot_turns, v.bot_failures, v.handoffs, v.last_activity_at, v.awaiting_language, v.input_since, v.nudges, v.last_nudge_at,
        c.wa_chat_id, c.phone_e164, c.display_name, c.language, c.nudges_stopped_at
        """;

    public static Task<BotConversation?> FindConversationAsync(NpgsqlConnection connection, long chatwootConversationId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<BotConversation>(new CommandDefinition(
            $"SELECT {ConversationColumns} FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE v.chatwoot_conversation_id = @chatwootConversationId",
            new { chatwootConversationId }, cancellationToken: ct));

    /// <summary>
    /// Records a turn of the bot: its session, the input it waits for and since when (<paramref name="now"/>, the bot's
    /// clock), how many messages it has sent. A new wait starts with no nudges.
    /// </summary>
    public static Task SaveTurnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string sessionId, TypebotInputBlock? input,
        int botTurns, bool started, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE conversations SET mode = 'bot', typebot_session_id = @sessionId, typebot_input = @input::jsonb, bot_turns = @botTurns,
                bot_failures = 0, awaiting_language = false, last_activity_at = now(),
                input_since = CASE WHEN @input::jsonb IS NULL THEN NULL ELSE @now END, nudges = 0,
                bot_started_at = CASE WHEN @started THEN now() ELSE bot_started_at END,
                handoff_reason = CASE WHEN @started THEN NULL ELSE handoff_reason END
            WHERE id = @id
            """,
            new { id, sessionId, input = input is null ? null : JsonSerializer.Serialize(input, TypebotJson.Options), botTurns, started, now },
            transaction, cancellationToken: ct));

    /// <summary>Counts a failed bot call; returns the new count.</summary>
    public static Task<int> CountFailureAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "UPDATE conversations SET bot_failures = bot_failures + 1 WHERE id = @id RETURNING bot_failures", new { id }, cancellationToken: ct));

    /// <summary>
    /// Hands the conversation to agents if nobody has yet in this episode; returns the episode number, or null when it
    /// already was with agents (so the note and the status change happen exactly once).
    /// </summary>
    public static Task<int?> TakeHandoffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string reason, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            UPDATE conversations SET mode = 'human', handoff_reason = @reason, handed_off_at = now(), handoffs = handoffs + 1,
                typebot_session_id = NULL, typebot_input = NULL, input_since = NULL, awaiting_language = false, last_activity_at = now()
            WHERE id = @id AND mode <> 'human'
            RETURNING handoffs
            """,
            new { id, reason }, transaction, cancellationToken: ct));

    /// <summary>The bot asked which language: the conversation is the bot's, waiting for the answer.</summary>
    public static Task AwaitLanguageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE conversations SET mode = 'bot', awaiting_language = true, typebot_session_id = NULL, typebot_input = NULL,
                last_activity_at = now(), handoff_reason = NULL
            WHERE id = @id
            """, new { id }, transaction, cancellationToken: ct));

    /// <summary>Remembers the driver's language for every later conversation.</summary>
    public static Task SetLanguageAsync(NpgsqlConnection connection, long contactId, string language, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET language = @language, updated_at = now() WHERE id = @contactId", new { contactId, language }, cancellationToken: ct));

    /// <summary>Resolved in Chatwoot: nobody answers until the driver writes again.</summary>
    public static async Task<bool> CloseConversationAsync(NpgsqlDataSource dataSource, long chatwootConversationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET mode = 'closed', typebot_session_id = NULL, typebot_input = NULL, awaiting_language = false WHERE chatwoot_conversation_id = @chatwootConversationId AND mode <> 'closed'",
            new { chatwootConversationId }, cancellationToken: ct)) == 1;
    }

    /// <summary>The newest Chatwoot conversation of a chat (by its chat id or its lid), or null.</summary>
    public static async Task<int?> LatestConversationAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        (int?)await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT v.chatwoot_conversation_id FROM conversations v JOIN contacts c ON c.id = v.contact_id
            WHERE c.wa_chat_id = @waChatId OR c.lid = @waChatId ORDER BY v.id DESC LIMIT 1
            """, new { waChatId }, cancellationToken: ct));

    /// <summary>The mode (<c>bot</c>, <c>human</c>, <c>closed</c>) of every conversation we manage, by Chatwoot id.</summary>
    public static async Task<Dictionary<long, string>> ModesAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(long Id, string Mode)>(new CommandDefinition(
            "SELECT chatwoot_conversation_id, mode FROM conversations", cancellationToken: ct))).ToDictionary(r => r.Id, r => r.Mode);

    /// <summary>The phone WPPConnect's <c>pn-lid</c> mapping gave for a <c>@lid</c> chat when it was first seen, or null.</summary>
    public static Task<string?> StoredPhoneOfLidAsync(NpgsqlConnection connection, string lid, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT phone_e164 FROM contacts WHERE lid = @lid AND phone_e164 IS NOT NULL", new { lid }, cancellationToken: ct));

    /// <summary>
    /// Retention: deletes contacts that never became drivers and have been silent for <paramref name="days"/> (no
    /// driver with the phone, no conversation activity, no message); their conversations go with them.
    /// </summary>
    public static Task<int> DeleteAbandonedAsync(NpgsqlConnection connection, int days, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM contacts c
            WHERE c.driver_id IS NULL AND c.updated_at < now() - make_interval(days => @days)
              AND NOT EXISTS (SELECT 1 FROM drivers d WHERE d.phone_e164 = c.phone_e164)
              AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.contact_id = c.id AND v.last_activity_at >= now() - make_interval(days => @days))
              AND NOT EXISTS (SELECT 1 FROM inbound_messages m WHERE m.wa_chat_id IN (c.wa_chat_id, c.lid) AND m.received_at >= now() - make_interval(days => @days))
            """, new { days }, cancellationToken: ct));
}
