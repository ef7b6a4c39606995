using System.Text.Json;
using Dapper;
using Npgsql;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Contacts;

/// <summary>A managed conversation as the router sees it: who answers (mode) and, while the bot does, its session.</summary>
public sealed record BotConversation
{
    public long Id { get; init; }
    public long ContactId { get; init; }
    public long ChatwootConversationId { get; init; }
    public string Mode { get; init; } = ConversationModes.Human;
    public string? TypebotSessionId { get; init; }
    public string? TypebotInput { get; init; }
    public int BotTurns { get; init; }
    public int BotFailures { get; init; }
    public int Handoffs { get; init; }
    public DateTime LastActivityAt { get; init; }
    public string WaChatId { get; init; } = "";
    public string? PhoneE164 { get; init; }
    public string? DisplayName { get; init; }
    public string? Language { get; init; }
    public bool AwaitingLanguage { get; init; }

    public TypebotInputBlock? Input => TypebotInput is { } json ? JsonSerializer.Deserialize<TypebotInputBlock>(json, TypebotJson.Options) : null;
}

public static class ConversationModes
{
    public const string Bot = "bot";
    public const string Human = "human";
    public const string Closed = "closed";
}

/// <summary>Reads and changes the router's state in <c>conversations</c>.</summary>
public static class BotConversations
{
    private const string Columns = """
        v.id, v.contact_id, v.chatwoot_conversation_id, v.mode, v.typebot_session_id, v.typebot_input::text AS typebot_input,
        v.bot_turns, v.bot_failures, v.handoffs, v.last_activity_at, v.awaiting_language, c.wa_chat_id, c.phone_e164, c.display_name, c.language
        """;

    public static Task<BotConversation?> FindAsync(NpgsqlConnection connection, long chatwootConversationId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<BotConversation>(new CommandDefinition(
            $"SELECT {Columns} FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE v.chatwoot_conversation_id = @chatwootConversationId",
            new { chatwootConversationId }, cancellationToken: ct));

    /// <summary>Records a turn of the bot: its session, the input it waits for, how many messages it has sent.</summary>
    public static Task SaveTurnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string sessionId, TypebotInputBlock? input,
        int botTurns, bool started, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE conversations SET mode = 'bot', typebot_session_id = @sessionId, typebot_input = @input::jsonb, bot_turns = @botTurns,
                bot_failures = 0, awaiting_language = false, last_activity_at = now(),
                bot_started_at = CASE WHEN @started THEN now() ELSE bot_started_at END,
                handoff_reason = CASE WHEN @started THEN NULL ELSE handoff_reason END
            WHERE id = @id
            """,
            new { id, sessionId, input = input is null ? null : JsonSerializer.Serialize(input, TypebotJson.Options), botTurns, started },
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
                typebot_session_id = NULL, typebot_input = NULL, awaiting_language = false, last_activity_at = now()
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
    public static async Task<bool> CloseAsync(NpgsqlDataSource dataSource, long chatwootConversationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET mode = 'closed', typebot_session_id = NULL, typebot_input = NULL, awaiting_language = false WHERE chatwoot_conversation_id = @chatwootConversationId AND mode <> 'closed'",
            new { chatwootConversationId }, cancellationToken: ct)) == 1;
    }
}
