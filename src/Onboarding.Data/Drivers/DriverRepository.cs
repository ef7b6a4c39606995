using Dapper;
using Npgsql;
using Onboarding.Data.Applications;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Files;

namespace Onboarding.Data.Drivers;

/// <summary>Reads and writes drivers; every change commits together with its history row.</summary>
public sealed class DriverRepository(NpgsqlDataSource dataSource, IDocumentFiles documentFiles)
{
    private const string Columns = """
        id, phone_e164, wa_chat_id, full_name, nif, email, birth_date, district_code, municipality, postal_code,
        vehicle_type, licence_plate, driving_licence_number, licence_categories, iban, availability,
        privacy_notice_version, privacy_accepted_at, status, source, typebot_result_id, chatwoot_conversation_id,
        created_at, updated_at, version, erased_at
        """;

    // One round trip for both common cases: the record of this phone and any record holding this NIF under another
    // phone, and, when there is neither, the new row (its id is @Id) with its history row and, when @Checklist, the
    // row that puts it under the document approval gate. nif is char(9): comparing it
    // with a text parameter would not use its unique index (a full scan per call). Two lookups, not one with OR: the
    // statement is prepared (docs/0050), and the plan Postgres keeps for "phone = $1 OR nif = $2" on a table not yet
    // analysed (a new deployment) is a sequential scan, which it then runs on every call as the table grows.
    private const string RegisterSql = $$"""
        WITH by_phone AS (SELECT {{Columns}} FROM drivers WHERE phone_e164 = @PhoneE164 /*lock*/),
        by_nif AS (SELECT {{Columns}} FROM drivers WHERE nif = @Nif::bpchar AND phone_e164 <> @PhoneE164 /*lock*/),
        found AS (SELECT * FROM by_phone UNION ALL SELECT * FROM by_nif),
        created AS (
            INSERT INTO drivers (id, phone_e164, wa_chat_id, full_name, nif, email, birth_date, district_code, municipality,
                postal_code, vehicle_type, licence_plate, driving_licence_number, licence_categories, iban, availability,
                privacy_notice_version, privacy_accepted_at, status, source, typebot_result_id, chatwoot_conversation_id)
            SELECT @Id, @PhoneE164, @WaChatId, @FullName, @Nif, @Email, @BirthDate, @DistrictCode, @Municipality,
                @PostalCode, @VehicleType, @LicencePlate, @DrivingLicenceNumber, COALESCE(@LicenceCategories, '{}'::text[]), @Iban,
                @Availability, @PrivacyNoticeVersion, @PrivacyAcceptedAt, 'submitted', @Source, @TypebotResultId,
                @ChatwootConversationId
            WHERE NOT EXISTS (SELECT FROM found)
            ON CONFLICT (phone_e164) DO NOTHING
            RETURNING {{Columns}}),
        history AS (
            INSERT INTO driver_status_history (driver_id, from_status, to_status, reason, actor)
            SELECT id, NULL, 'submitted', 'registo recebido', @Actor FROM created),
        {{DocumentStore.ChecklistOfCreatedSql}}
        SELECT * FROM found UNION ALL SELECT * FROM created
        """ + ApplicationProgress.SubmittedSql;

    private static readonly string RegisterLockingSql = RegisterSql.Replace("/*lock*/", "FOR UPDATE", StringComparison.Ordinal);

    // A resubmission keeps what the driver did not send again; a withdrawn or rejected driver re-enters review. The
    // chat is only ever set on an unbound record (a bound one reaches here only from its own chat). The version read
    // with the row must still be the row's: otherwise another write came first and nothing is written here.
    private const string ResubmitSql = """
        WITH updated AS (
            UPDATE drivers SET
                wa_chat_id = COALESCE(wa_chat_id, @WaChatId),
                full_name = COALESCE(@FullName, full_name),
                nif = COALESCE(@Nif, nif),
                email = COALESCE(@Email, email),
                birth_date = COALESCE(@BirthDate, birth_date),
                district_code = COALESCE(@DistrictCode, district_code),
                municipality = COALESCE(@Municipality, municipality),
                postal_code = COALESCE(@PostalCode, postal_code),
                vehicle_type = COALESCE(@VehicleType, vehicle_type),
                licence_plate = COALESCE(@LicencePlate, licence_plate),
                driving_licence_number = COALESCE(@DrivingLicenceNumber, driving_licence_number),
                licence_categories = COALESCE(@LicenceCategories, licence_categories),
                iban = COALESCE(@Iban, iban),
                availability = COALESCE(@Availability, availability),
                privacy_notice_version = COALESCE(@PrivacyNoticeVersion, privacy_notice_version),
                privacy_accepted_at = COALESCE(@PrivacyAcceptedAt, privacy_accepted_at),
                typebot_result_id = COALESCE(@TypebotResultId, typebot_result_id),
                chatwoot_conversation_id = COALESCE(@ChatwootConversationId, chatwoot_conversation_id),
                status = @Status,
                updated_at = now(),
                version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING id)
        , history AS (
            INSERT INTO driver_status_history (driver_id, from_status, to_status, reason, actor)
            SELECT id, @FromStatus, @Status, 'dados reenviados pelo condutor', @Actor FROM updated)
        SELECT count(*)::int FROM updated
        """ + ApplicationProgress.SubmittedSql;

    private const string HistorySql = """
        INSERT INTO driver_status_history (driver_id, from_status, to_status, reason, actor)
        VALUES (@DriverId, @FromStatus, @ToStatus, @Reason, @Actor)
        """;

    // Optimistic attempts (no lock) before one that locks the row; a second try is already rare.
    private const int OptimisticAttempts = 2;

    /// <summary>
    /// Creates or updates the record of this phone. A record belongs to the WhatsApp chat that first registered with it
    /// (<see cref="DriverRegistration.WaChatId"/>); one created without a chat is unbound until then. Once bound, a
    /// registration from another chat, or without one, changes nothing (<see cref="RegisterResult.ChatConflict"/>).
    /// A resubmission that changes nothing answers from the stored row and writes nothing (docs/0026). A new record
    /// registered while its vehicle has a document checklist (<paramref name="checklist"/>) is under the approval gate
    /// (docs/0033), written in the same statement.
    /// </summary>
    public async Task<RegisterOutcome> RegisterAsync(DriverRegistration registration, string actor, bool checklist, CancellationToken ct)
    {
        // Read, decide, then write only if the row is still as read; a write that finds it changed (or an insert that
        // finds the phone taken) reads again. The last attempt locks the row, so the loop ends however busy it is.
        var nifRaces = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await RegisterOnceAsync(registration, actor, checklist, lockRow: attempt >= OptimisticAttempts, ct) is { } outcome)
                {
                    return outcome;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "drivers_nif_key")
            {
                // ON CONFLICT covers only the phone: a concurrent submission of the same phone and NIF that commits
                // first makes our insert fail on the NIF index instead; the next read sees it and updates. Twice means
                // another phone committed the same NIF between our read and our write.
                if (++nifRaces == 2)
                {
                    return new RegisterOutcome(RegisterResult.NifTaken, null, null);
                }
            }

            if (attempt > OptimisticAttempts + 3)
            {
                throw new InvalidOperationException("The registration kept meeting concurrent changes of the same record.");
            }
        }
    }

    /// <summary>The outcome, or null when a concurrent write got there first and the attempt must read again.</summary>
    private async Task<RegisterOutcome?> RegisterOnceAsync(DriverRegistration registration, string actor, bool checklist, bool lockRow, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = lockRow ? await connection.BeginTransactionAsync(ct) : null;
        var id = Guid.CreateVersion7();
        var parameters = new DynamicParameters(registration);
        parameters.Add("Id", id);
        parameters.Add("Source", "typebot");
        parameters.Add("Actor", actor);
        parameters.Add("Checklist", checklist);
        var rows = (await connection.QueryAsync<Driver>(new CommandDefinition(lockRow ? RegisterLockingSql : RegisterSql, parameters, tx, cancellationToken: ct))).AsList();
        if (rows.Exists(r => r.Id == id))
        {
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }

            return new RegisterOutcome(RegisterResult.Created, id, DriverStatus.Submitted);
        }

        if (registration.Nif is not null && rows.Find(r => r.PhoneE164 != registration.PhoneE164) is { } holder)
        {
            return new RegisterOutcome(RegisterResult.NifTaken, null, null) { OtherDriverId = holder.Id, OtherChat = holder.WaChatId };
        }

        // Neither found nor created: another submission of this phone inserted it after our snapshot; read again.
        if (rows.Find(r => r.PhoneE164 == registration.PhoneE164) is not { } existing)
        {
            return null;
        }

        if (existing.WaChatId is { } bound && !string.Equals(bound, registration.WaChatId, StringComparison.Ordinal))
        {
            return new RegisterOutcome(RegisterResult.ChatConflict, null, null) { OtherDriverId = existing.Id, OtherChat = bound };
        }

        if (!DriverStatus.AcceptsResubmission(existing.Status))
        {
            return new RegisterOutcome(RegisterResult.Closed, existing.Id, existing.Status);
        }

        var status = existing.Status is DriverStatus.Withdrawn or DriverStatus.Rejected ? DriverStatus.Submitted : existing.Status;
        if (status == existing.Status && Resubmission.ChangesNothing(existing, registration))
        {
            return new RegisterOutcome(RegisterResult.Updated, existing.Id, status);
        }

        var update = new DynamicParameters(registration);
        update.Add("Id", existing.Id);
        update.Add("Version", existing.Version);
        update.Add("Status", status);
        update.Add("FromStatus", existing.Status);
        update.Add("Actor", actor);
        // The first statement counts the updated row; the application line after it may change a row or none.
        var written = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ResubmitSql, update, tx, cancellationToken: ct));
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return written == 1 ? new RegisterOutcome(RegisterResult.Updated, existing.Id, status) : null;
    }

    public async Task<Driver?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Driver>(new CommandDefinition($"SELECT {Columns} FROM drivers WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<Driver?> GetByPhoneAsync(string phoneE164, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Driver>(new CommandDefinition($"SELECT {Columns} FROM drivers WHERE phone_e164 = @phoneE164", new { phoneE164 }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DriverStatusChange>> GetHistoryAsync(Guid driverId, CancellationToken ct)
    {
        const string sql = "SELECT id, driver_id, from_status, to_status, reason, actor, at FROM driver_status_history WHERE driver_id = @driverId ORDER BY at, id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<DriverStatusChange>(new CommandDefinition(sql, new { driverId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<Driver>> ListAsync(DriverQuery query, CancellationToken ct)
    {
        // One statement with optional filters: every value is a parameter, and each "IS NULL" switches a filter off.
        const string sql = $"""
            SELECT {Columns} FROM drivers
            WHERE (@Status::text IS NULL OR status = @Status)
              AND (@DistrictCode::text IS NULL OR district_code = @DistrictCode)
              AND (@VehicleType::text IS NULL OR vehicle_type = @VehicleType)
              AND (@CreatedFrom::timestamptz IS NULL OR created_at >= @CreatedFrom)
              AND (@CreatedTo::timestamptz IS NULL OR created_at < @CreatedTo)
              AND (@Pattern::text IS NULL OR full_name ILIKE @Pattern OR email ILIKE @Pattern
                   OR phone_e164 LIKE @Pattern OR nif = @Search::bpchar OR municipality ILIKE @Pattern)
              AND (@AfterCreatedAt::timestamptz IS NULL OR (created_at, id) < (@AfterCreatedAt, @AfterId))
            ORDER BY created_at DESC, id DESC
            LIMIT @Limit
            """;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var pattern = search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Driver>(new CommandDefinition(sql, new
        {
            query.Status,
            query.DistrictCode,
            query.VehicleType,
            query.CreatedFrom,
            query.CreatedTo,
            Search = search,
            Pattern = pattern,
            query.AfterCreatedAt,
            AfterId = query.AfterId ?? Guid.Empty,
            query.Limit,
        }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<StatusChangeOutcome> ChangeStatusAsync(Guid id, int expectedVersion, string toStatus, string? reason, string actor, CancellationToken ct)
    {
        const string lockSql = "SELECT status, version FROM drivers WHERE id = @id FOR UPDATE";
        const string updateSql = "UPDATE drivers SET status = @toStatus, updated_at = now(), version = version + 1 WHERE id = @id RETURNING version";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<(string Status, int Version)?>(new CommandDefinition(lockSql, new { id }, tx, cancellationToken: ct));
        if (current is not { } row)
        {
            return new StatusChangeOutcome(StatusChangeResult.NotFound, null, 0);
        }

        if (row.Version != expectedVersion)
        {
            return new StatusChangeOutcome(StatusChangeResult.StaleVersion, row.Status, row.Version);
        }

        if (!DriverStatus.CanMove(row.Status, toStatus))
        {
            return new StatusChangeOutcome(StatusChangeResult.Forbidden, row.Status, row.Version);
        }

        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(updateSql, new { id, toStatus }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(HistorySql, new { DriverId = id, FromStatus = row.Status, ToStatus = toStatus, Reason = reason, Actor = actor }, tx, cancellationToken: ct));
        await ApplicationProgress.StatusChangedAsync(connection, tx, id, toStatus, ct);
        await tx.CommitAsync(ct);
        return new StatusChangeOutcome(StatusChangeResult.Changed, toStatus, version);
    }

    /// <summary>
    /// GDPR erasure: personal fields are cleared, the row and its history stay as anonymous statistics, and every other
    /// copy (ledger, outbox, receipts, contacts, bot sessions, idempotency answers, the Chatwoot contact through the
    /// outbox) goes in the same transaction (<see cref="DriverErasure"/>).
    /// </summary>
    public async Task<bool> EraseAsync(Guid id, string actor, CancellationToken ct)
    {
        const string lockSql = "SELECT status, phone_e164, wa_chat_id FROM drivers WHERE id = @id FOR UPDATE";
        const string sql = """
            UPDATE drivers SET
                phone_e164 = 'erased:' || id::text, wa_chat_id = NULL, full_name = NULL, nif = NULL, email = NULL,
                birth_date = NULL, municipality = NULL, postal_code = NULL, licence_plate = NULL,
                driving_licence_number = NULL, iban = NULL, availability = NULL, typebot_result_id = NULL,
                chatwoot_conversation_id = NULL, status = 'erased', erased_at = now(), updated_at = now(), version = version + 1
            WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<(string Status, string PhoneE164, string? WaChatId)?>(
            new CommandDefinition(lockSql, new { id }, tx, cancellationToken: ct));
        if (current is not { } row || row.Status == DriverStatus.Erased)
        {
            return false;
        }

        // Files first: a store that fails rolls the erasure back, to be run again; deleting a missing file is no error.
        foreach (var key in await DriverErasure.DocumentKeysAsync(connection, tx, id, ct))
        {
            await documentFiles.DeleteAsync(key, ct);
        }

        await DriverErasure.EraseCopiesAsync(connection, tx, id, row.PhoneE164, row.WaChatId, ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("UPDATE driver_status_history SET reason = NULL WHERE driver_id = @id", new { id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(HistorySql, new { DriverId = id, FromStatus = row.Status, ToStatus = DriverStatus.Erased, Reason = "apagamento RGPD", Actor = actor }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    // What the bridge reads and marks of drivers, inside its own connection or transaction.

    /// <summary>The driver registered with this phone, unless erased.</summary>
    public static Task<KnownDriver?> FindKnownAsync(NpgsqlConnection connection, string phoneE164, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<KnownDriver>(new CommandDefinition(
            "SELECT id, status FROM drivers WHERE phone_e164 = @phoneE164 AND status <> 'erased'", new { phoneE164 }, cancellationToken: ct));

    /// <summary>The facts of the handoff note for the driver registered with this phone, unless erased.</summary>
    public static Task<DriverFacts?> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string phone, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<DriverFacts>(new CommandDefinition(
            """
            SELECT id, full_name, status, nif, iban, vehicle_type, licence_plate, district_code, municipality, updated_at
            FROM drivers WHERE phone_e164 = @phone AND status <> 'erased'
            """, new { phone }, transaction, cancellationToken: ct));

    /// <summary>Up to 100 status changes not yet announced, oldest first, locked for this transaction (other replicas skip them).</summary>
    public static async Task<List<StatusChangeToAnnounce>> UnannouncedChangesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        (await connection.QueryAsync<StatusChangeToAnnounce>(new CommandDefinition(
            """
            SELECT h.id, h.driver_id, h.to_status, h.reason, d.full_name, d.phone_e164, d.wa_chat_id,
                   (SELECT v.chatwoot_conversation_id FROM contacts c JOIN conversations v ON v.contact_id = c.id
                    WHERE c.wa_chat_id = d.wa_chat_id ORDER BY v.id DESC LIMIT 1) AS chatwoot_conversation_id,
                   (SELECT c.language FROM contacts c WHERE c.wa_chat_id = d.wa_chat_id LIMIT 1) AS language
            FROM driver_status_history h JOIN drivers d ON d.id = h.driver_id
            WHERE h.notified_at IS NULL ORDER BY h.id LIMIT 100
            FOR UPDATE OF h SKIP LOCKED
            """, transaction: transaction, cancellationToken: ct))).AsList();

    /// <summary>The change was announced (or needs no announcement).</summary>
    public static Task MarkAnnouncedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE driver_status_history SET notified_at = now() WHERE id = @Id", new { Id = id }, transaction, cancellationToken: ct));

    /// <summary>Up to 500 rejected or withdrawn drivers past their retention period (a period of 0 days keeps them).</summary>
    public static async Task<List<Guid>> DueForErasureAsync(NpgsqlConnection connection, int rejectedDays, int withdrawnDays, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM drivers
            WHERE (status = 'rejected' AND @rejected > 0 AND updated_at < now() - make_interval(days => @rejected))
               OR (status = 'withdrawn' AND @withdrawn > 0 AND updated_at < now() - make_interval(days => @withdrawn))
            LIMIT 500
            """, new { rejected = rejectedDays, withdrawn = withdrawnDays }, cancellationToken: ct))).AsList();
}
