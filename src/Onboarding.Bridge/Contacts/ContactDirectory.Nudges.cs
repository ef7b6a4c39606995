using Dapper;
using Npgsql;

namespace Onboarding.Bridge.Contacts;

// What the nudges keep on contacts and conversations (docs/0040): who waits at a question and since when, the nudges
// sent, the opt-out, the recovery. Times are the bot's clock, passed in, so a test can move it.
public sealed partial class ContactDirectory
{
    /// <summary>
    /// Bot conversations waiting at an input for between <paramref name="waitedAtLeastSince"/> and
    /// <paramref name="waitedAtMostSince"/>, with fewer than <paramref name="maxNudges"/> nudges for that wait, whose contact
    /// has not said "parar", whose driver is not decided yet and who has no message still on its way to the router
    /// (the answer may be in it); oldest wait first (index ix_conversations_awaiting_input).
    /// </summary>
    public static async Task<IReadOnlyList<BotConversation>> AwaitingNudgeAsync(NpgsqlConnection connection, DateTime waitedAtLeastSince,
        DateTime waitedAtMostSince, int maxNudges, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<BotConversation>(new CommandDefinition(
            $"""
            SELECT {ConversationColumns} FROM conversations v JOIN contacts c ON c.id = v.contact_id
            WHERE v.mode = 'bot' AND v.typebot_session_id IS NOT NULL AND v.input_since IS NOT NULL
              AND v.input_since <= @waitedAtLeastSince AND v.input_since > @waitedAtMostSince
              AND v.nudges < @maxNudges AND c.nudges_stopped_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM drivers d WHERE d.phone_e164 = c.phone_e164 AND d.status IN ('approved', 'rejected', 'withdrawn', 'erased'))
              AND NOT EXISTS (SELECT 1 FROM inbound_messages m WHERE m.state = 'pending' AND m.wa_chat_id IN (c.wa_chat_id, c.lid) AND NOT m.from_me)
            ORDER BY v.input_since LIMIT @limit
            """,
            new { waitedAtLeastSince, waitedAtMostSince, maxNudges, limit }, cancellationToken: ct))).AsList();

    /// <summary>
    /// Counts nudge <paramref name="number"/> of the wait that began at <paramref name="inputSince"/> in session
    /// <paramref name="sessionId"/>, only if the conversation still waits there with fewer nudges and agents do not have
    /// it. False when the driver answered, agents took over or another run got there first: send nothing then. The row
    /// lock orders it with the router's turn, so a nudge never follows an answer already saved.
    /// </summary>
    public static async Task<bool> TakeNudgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string sessionId,
        DateTime inputSince, int number, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE conversations SET nudges = @number, last_nudge_at = @now
            WHERE id = @id AND mode = 'bot' AND typebot_session_id = @sessionId AND input_since = @inputSince AND nudges < @number
            """,
            new { id, sessionId, inputSince, number, now }, transaction, cancellationToken: ct)) == 1;

    /// <summary>Records "parar" on the contact; true only the first time (the driver is answered once).</summary>
    public static async Task<bool> StopNudgesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long contactId, DateTime now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET nudges_stopped_at = @now, updated_at = now() WHERE id = @contactId AND nudges_stopped_at IS NULL",
            new { contactId, now }, transaction, cancellationToken: ct)) == 1;
}
