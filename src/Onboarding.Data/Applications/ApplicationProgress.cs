using Dapper;
using Npgsql;

namespace Onboarding.Data.Applications;

/// <summary>
/// The owner of <c>applications</c>, <c>application_questions</c> and <c>funnel_question_days</c> (docs/0037): each
/// write is one statement inside the caller's transaction (the bot's turn, the handoff, the review), so a milestone
/// commits with the change it describes. The funnel's reads are in <c>ApplicationProgress.Funnel.cs</c>.
/// </summary>
public sealed partial class ApplicationProgress(NpgsqlDataSource dataSource)
{
    /// <summary>The day a cohort begins and the period filters count in.</summary>
    public const string TimeZone = "Europe/Lisbon";

    // The application of the contact (created on its first event), its milestones, and the question it now waits on:
    // a new block replaces the pending one; the same block again is Typebot re-asking after an invalid answer; an
    // answer with no new block (the flow ended) closes the pending one. A reply after a reminder is a recovery. The
    // question row and the day's count are written only the first time this application reaches that block.
    private const string TurnSql = $$"""
        WITH app AS (
            INSERT INTO applications AS a (contact_id, language, flow, started_at, first_contact_at, bot_started_at,
                question_block_id, question_at)
            VALUES (@ContactId, @Language, @Flow, COALESCE(@FirstMessageAt, @At), COALESCE(@FirstMessageAt, @At),
                CASE WHEN @Started THEN @At END, @ReachedBlockId, CASE WHEN @ReachedBlockId IS NOT NULL THEN @At END)
            ON CONFLICT (contact_id) DO UPDATE SET
                started_at = CASE WHEN a.first_contact_at IS NULL THEN EXCLUDED.started_at ELSE a.started_at END,
                first_contact_at = COALESCE(a.first_contact_at, EXCLUDED.first_contact_at),
                bot_started_at = COALESCE(a.bot_started_at, EXCLUDED.bot_started_at),
                language = CASE WHEN @Started THEN EXCLUDED.language ELSE COALESCE(a.language, EXCLUDED.language) END,
                flow = CASE WHEN @Started THEN EXCLUDED.flow ELSE COALESCE(a.flow, EXCLUDED.flow) END,
                recovered_at = CASE WHEN @Replied AND a.nudged_at IS NOT NULL THEN COALESCE(a.recovered_at, @At) ELSE a.recovered_at END,
                question_block_id = COALESCE(@ReachedBlockId, a.question_block_id),
                question_at = CASE WHEN @ReachedBlockId IS NULL OR @ReachedBlockId = a.question_block_id AND a.answered_at IS NULL
                    THEN a.question_at ELSE @At END,
                answered_at = CASE
                    WHEN @ReachedBlockId IS NOT NULL AND (@ReachedBlockId <> a.question_block_id OR a.question_block_id IS NULL OR a.answered_at IS NOT NULL) THEN NULL
                    WHEN @ReachedBlockId IS NULL AND @AnsweredBlockId IS NOT NULL AND a.question_block_id = @AnsweredBlockId THEN COALESCE(a.answered_at, @At)
                    ELSE a.answered_at END
            RETURNING a.id, a.started_at, a.language, a.flow),
        answered AS (
            UPDATE application_questions q SET answered_at = @At
            FROM app
            WHERE q.application_id = app.id AND q.block_id = @AnsweredBlockId AND q.answered_at IS NULL
              AND @AnsweredBlockId IS DISTINCT FROM @ReachedBlockId),
        reached AS (
            INSERT INTO application_questions (application_id, block_id, reached_at)
            SELECT app.id, @ReachedBlockId, @At FROM app WHERE @ReachedBlockId IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING application_id)
        INSERT INTO funnel_question_days AS f (day, language, flow, block_id, reached)
        SELECT (app.started_at AT TIME ZONE '{{TimeZone}}')::date, COALESCE(app.language, ''), COALESCE(app.flow, ''),
            @ReachedBlockId, 1
        FROM app JOIN reached ON reached.application_id = app.id
        ON CONFLICT (day, language, flow, block_id) DO UPDATE SET reached = f.reached + 1
        """;

    /// <summary>Records what a message routed to the bot brought (first contact, session start, questions).</summary>
    public static Task RecordTurnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BotTurnProgress turn, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(TurnSql, turn, transaction, cancellationToken: ct));

    /// <summary>The conversation went to the agents (the first handoff of an application is the funnel's).</summary>
    public static Task HandedOffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long contactId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE applications SET handoff_at = COALESCE(handoff_at, now()) WHERE contact_id = @contactId", new { contactId }, transaction, cancellationToken: ct));

    /// <summary>
    /// Appended to the registration's own statement (one round trip, one implicit transaction; docs/0026): links the
    /// application of the chat that registered the phone to its driver, with the stage and the driver's district and
    /// vehicle (the filters that apply from "submitted" on). Needs <c>@PhoneE164</c>; idempotent.
    /// </summary>
    public const string SubmittedSql = """
        ;
        UPDATE applications a SET submitted_at = COALESCE(a.submitted_at, now()), driver_id = d.id,
            district_code = d.district_code, vehicle_type = d.vehicle_type
        FROM drivers d
        WHERE d.phone_e164 = @PhoneE164 AND d.wa_chat_id IS NOT NULL
          AND a.contact_id = (SELECT c.id FROM contacts c WHERE c.wa_chat_id = d.wa_chat_id OR c.lid = d.wa_chat_id ORDER BY c.id DESC LIMIT 1)
          AND (a.driver_id IS DISTINCT FROM d.id OR a.submitted_at IS NULL
               OR a.district_code IS DISTINCT FROM d.district_code OR a.vehicle_type IS DISTINCT FROM d.vehicle_type)
        """;

    /// <summary>A review decision of the driver: the "under review" and "approved"/"rejected" stages (first time each).</summary>
    public static Task StatusChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid driverId, string status, CancellationToken ct,
        DateTime? at = null) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE applications SET
                under_review_at = CASE WHEN @status = 'under_review' THEN COALESCE(under_review_at, @at, now()) ELSE under_review_at END,
                decided_at = CASE WHEN @status IN ('approved', 'rejected') THEN COALESCE(decided_at, @at, now()) ELSE decided_at END,
                decision = CASE WHEN @status IN ('approved', 'rejected') AND decided_at IS NULL THEN @status ELSE decision END
            WHERE driver_id = @driverId
            """, new { driverId, status, at }, transaction, cancellationToken: ct));

    /// <summary>
    /// The documents stage: for the documents feature to call, in its transaction, when a driver's checklist becomes
    /// complete. The funnel shows the stage while the checklist is on (docs/0037).
    /// </summary>
    public static Task DocumentsCompleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid driverId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE applications SET documents_complete_at = COALESCE(documents_complete_at, now()) WHERE driver_id = @driverId",
            new { driverId }, transaction, cancellationToken: ct));

    /// <summary>The documents stage on its own connection (the first completion counts; a later one changes nothing).</summary>
    public async Task DocumentsCompleteAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await DocumentsCompleteAsync(connection, null, driverId, ct);
    }

    /// <summary>
    /// For the abandonment reminders, in the transaction that enqueues one: counts it, so the next answer of this
    /// contact's driver records the application as recovered (<c>recovered_at</c>, the funnel's "recovered by
    /// reminders"). Returns false when the contact has no application.
    /// </summary>
    public static async Task<bool> NudgeSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long contactId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE applications SET nudges_sent = nudges_sent + 1, nudged_at = now() WHERE contact_id = @contactId",
            new { contactId }, transaction, cancellationToken: ct)) == 1;

    /// <summary>
    /// The question a chat's bot session waits on and since when, or null when it waits on none (not started,
    /// answered last, submitted, or handed to agents since it was asked). <paramref name="waChatId"/> is the contact's
    /// chat id or its <c>@lid</c>.
    /// </summary>
    public static Task<PendingQuestion?> PendingQuestionAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PendingQuestion?>(new CommandDefinition(
            """
            SELECT a.id AS application_id, a.contact_id, a.question_block_id AS block_id,
                a.question_at AS since, a.language, a.flow, a.nudges_sent, a.nudged_at
            FROM applications a
            WHERE a.contact_id = (SELECT c.id FROM contacts c WHERE c.wa_chat_id = @waChatId OR c.lid = @waChatId ORDER BY c.id DESC LIMIT 1)
              AND a.question_block_id IS NOT NULL AND a.answered_at IS NULL AND a.submitted_at IS NULL
              AND (a.handoff_at IS NULL OR a.handoff_at < a.question_at)
            """, new { waChatId }, cancellationToken: ct));

    /// <summary><see cref="PendingQuestionAsync(NpgsqlConnection, string, CancellationToken)"/> on its own connection.</summary>
    public async Task<PendingQuestion?> PendingQuestionAsync(string waChatId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await PendingQuestionAsync(connection, waChatId, ct);
    }
}
