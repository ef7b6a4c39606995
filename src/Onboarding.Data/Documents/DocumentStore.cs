using Dapper;
using Npgsql;

namespace Onboarding.Data.Documents;

/// <summary>
/// Owns <c>driver_documents</c>, <c>document_checklists</c>, <c>document_reminders</c> and <c>document_views</c>
/// (docs/0033): the record of every file a driver sent, its review, its expiry reminders and who looked at it.
/// </summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, driver_id, kind, side, file_key, sha256, content_type, size_bytes, sent_by, state, reason, reviewed_by,
        reviewed_at, approved_at, expires_on, created_at
        """;

    // The language and conversation of the driver's chat, as the status notices read them.
    private const string RecipientColumns = """
        d.id AS driver_id, d.full_name, d.wa_chat_id,
        (SELECT v.chatwoot_conversation_id FROM contacts c JOIN conversations v ON v.contact_id = c.id
         WHERE c.wa_chat_id = d.wa_chat_id ORDER BY v.id DESC LIMIT 1) AS chatwoot_conversation_id,
        (SELECT c.language FROM contacts c WHERE c.wa_chat_id = d.wa_chat_id LIMIT 1) AS language
        """;

    /// <summary>
    /// A common table expression of the registration's own statement (one round trip; docs/0026): the driver just
    /// created (the <c>created</c> expression) registered while a checklist was configured (<c>@Checklist</c>), so the
    /// approval gate applies to them.
    /// </summary>
    public const string ChecklistOfCreatedSql = """
        checklist AS (
            INSERT INTO document_checklists (driver_id) SELECT id FROM created WHERE @Checklist ON CONFLICT DO NOTHING)
        """;

    public async Task<bool> HasChecklistAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT FROM document_checklists WHERE driver_id = @driverId)", new { driverId }, cancellationToken: ct));
    }

    /// <summary>The current file of every side the driver sent (not the replaced ones), oldest first.</summary>
    public async Task<IReadOnlyList<DriverDocument>> CurrentAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DriverDocument>(new CommandDefinition(
            $"SELECT {Columns} FROM driver_documents WHERE driver_id = @driverId AND state <> 'replaced' ORDER BY created_at, id",
            new { driverId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Every file the driver ever sent, replaced ones included (the GDPR export).</summary>
    public async Task<IReadOnlyList<DriverDocument>> AllAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DriverDocument>(new CommandDefinition(
            $"SELECT {Columns} FROM driver_documents WHERE driver_id = @driverId ORDER BY created_at, id", new { driverId }, cancellationToken: ct))).AsList();
    }

    public async Task<DriverDocument?> GetAsync(Guid driverId, Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DriverDocument>(new CommandDefinition(
            $"SELECT {Columns} FROM driver_documents WHERE id = @id AND driver_id = @driverId", new { id, driverId }, cancellationToken: ct));
    }

    /// <summary>Records a file as the current one of its side; the previous one, whatever its state, becomes replaced.</summary>
    public async Task SaveAsync(NewDocument document, CancellationToken ct)
    {
        const string replaceSql = """
            UPDATE driver_documents SET state = 'replaced'
            WHERE driver_id = @DriverId AND kind = @Kind AND side = @Side AND state <> 'replaced'
            """;
        const string insertSql = """
            INSERT INTO driver_documents (id, driver_id, kind, side, file_key, sha256, content_type, size_bytes, sent_by, expires_on)
            VALUES (@Id, @DriverId, @Kind, @Side, @FileKey, @Sha256, @ContentType, @SizeBytes, @SentBy, @ExpiresOn)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The slot's row lock orders two files of one side sent at once: the second replaces the first.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@DriverId::text || ':' || @Kind || ':' || @Side, 0))", document, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(replaceSql, document, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(insertSql, document, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Approves (<paramref name="reason"/> null) or asks again for (with a reason) the current file; false when the
    /// file is not the current one of its side any more.
    /// </summary>
    public async Task<DriverDocument?> ReviewAsync(Guid driverId, Guid id, bool approve, string? reason, string actor, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE driver_documents SET state = @state, reason = @reason, reviewed_by = @actor, reviewed_at = now(),
                approved_at = CASE WHEN @approve THEN now() ELSE NULL END
            WHERE id = @id AND driver_id = @driverId AND state <> 'replaced'
            RETURNING {Columns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DriverDocument>(new CommandDefinition(sql, new
        {
            id,
            driverId,
            approve,
            actor,
            state = approve ? DocumentStates.Approved : DocumentStates.Rejected,
            reason = approve ? null : reason,
        }, cancellationToken: ct));
    }

    /// <summary>Sets the expiry date of every current side of a kind; returns how many files it applies to.</summary>
    public async Task<int> SetExpiryAsync(Guid driverId, string kind, DateOnly? expiresOn, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE driver_documents SET expires_on = @expiresOn WHERE driver_id = @driverId AND kind = @kind AND state <> 'replaced'",
            new { driverId, kind, expiresOn }, cancellationToken: ct));
    }

    public async Task RecordViewAsync(DriverDocument document, string viewer, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO document_views (driver_id, document_id, kind, side, viewer) VALUES (@DriverId, @Id, @Kind, @Side, @viewer)",
            new { document.DriverId, document.Id, document.Kind, document.Side, viewer }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DocumentView>> ViewsAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DocumentView>(new CommandDefinition(
            "SELECT id, document_id, kind, side, viewer, at FROM document_views WHERE driver_id = @driverId ORDER BY at, id",
            new { driverId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Where to tell the driver something about their documents.</summary>
    public async Task<DocumentRecipient?> RecipientAsync(Guid driverId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DocumentRecipient>(new CommandDefinition(
            $"SELECT {RecipientColumns} FROM drivers d WHERE d.id = @driverId AND d.status <> 'erased'", new { driverId }, cancellationToken: ct));
    }

    /// <summary>The day expiry dates are compared with (UTC, as the reminder job and the flags read it).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>One driver's "documents expired" flag today.</summary>
    public async Task<bool> IsExpiredAsync(Guid driverId, TimeProvider clock, CancellationToken ct) =>
        (await ExpiredAsync([driverId], Today(clock), ct)).Contains(driverId);

    /// <summary>
    /// The drivers among <paramref name="driverIds"/> with "documents expired": a file that was approved is past its
    /// date and no file of that side was approved after it.
    /// </summary>
    public async Task<HashSet<Guid>> ExpiredAsync(IReadOnlyCollection<Guid> driverIds, DateOnly today, CancellationToken ct)
    {
        const string sql = """
            SELECT DISTINCT e.driver_id FROM driver_documents e
            WHERE e.driver_id = ANY(@ids) AND e.approved_at IS NOT NULL AND e.expires_on < @today
              AND NOT EXISTS (SELECT FROM driver_documents n
                              WHERE n.driver_id = e.driver_id AND n.kind = e.kind AND n.side = e.side AND n.state = 'approved'
                                AND n.created_at > e.created_at AND (n.expires_on IS NULL OR n.expires_on >= @today))
              AND NOT (e.state = 'approved' AND e.expires_on >= @today)
            """;
        if (driverIds.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { ids = driverIds.ToArray(), today }, cancellationToken: ct))];
    }

    /// <summary>True when staff asked the driver again for a file not yet resent: the next session starts at it.</summary>
    public static Task<bool> AwaitsResendAsync(NpgsqlConnection connection, Guid driverId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT FROM driver_documents WHERE driver_id = @driverId AND state = 'rejected')", new { driverId }, cancellationToken: ct));

    // What the reminder job reads and marks, inside its own transaction (its outbox rows commit with the marks).

    /// <summary>
    /// Approved files whose date is within one of <paramref name="days"/> of <paramref name="today"/> and whose reminder
    /// for that day count was not sent yet (the largest count due first; later counts are their own reminders).
    /// </summary>
    public static async Task<List<DueReminder>> DueRemindersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, int[] days, CancellationToken ct) =>
        (await connection.QueryAsync<DueReminder>(new CommandDefinition(
            $"""
            SELECT x.id AS document_id, x.driver_id, x.kind, x.expires_on, x.days_before, r.full_name, r.wa_chat_id,
                   r.chatwoot_conversation_id, r.language
            FROM (SELECT DISTINCT ON (doc.driver_id, doc.kind) doc.id, doc.driver_id, doc.kind, doc.expires_on, dd.days_before
                  FROM driver_documents doc CROSS JOIN unnest(@days::int[]) AS dd(days_before)
                  WHERE doc.state = 'approved' AND doc.expires_on IS NOT NULL
                    AND doc.expires_on - @today <= dd.days_before AND doc.expires_on >= @today - 1
                    AND NOT EXISTS (SELECT FROM document_reminders m WHERE m.document_id = doc.id AND m.days_before <= dd.days_before)
                  ORDER BY doc.driver_id, doc.kind, dd.days_before, doc.side) x
            CROSS JOIN LATERAL (SELECT {RecipientColumns} FROM drivers d WHERE d.id = x.driver_id AND d.status <> 'erased') r
            -- "parar" stops reminders for good (docs/0041).
            WHERE NOT EXISTS (SELECT FROM contacts c WHERE (c.wa_chat_id = r.wa_chat_id OR c.lid = r.wa_chat_id) AND c.nudges_stopped_at IS NOT NULL)
            LIMIT 500
            """, new { today, days }, tx, cancellationToken: ct))).AsList();

    /// <summary>Marks the reminder sent for this document and every side of its kind; false when another replica did first.</summary>
    public static async Task<bool> MarkReminderAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DueReminder due, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO document_reminders (document_id, days_before)
            SELECT id, @DaysBefore FROM driver_documents
            WHERE driver_id = @DriverId AND kind = @Kind AND state = 'approved' AND expires_on = @ExpiresOn
            ON CONFLICT DO NOTHING
            """, due, tx, cancellationToken: ct)) > 0;
}
