using Dapper;
using Npgsql;

namespace Onboarding.Bridge.Governor;

/// <summary>
/// The governor's SQL: the grants of every named budget (<c>governor_grants</c>), taken under a transaction lock per
/// budget so replicas never grant the same permit twice, and the two facts the rules read (did the driver write
/// lately, did the number ever write to this chat). Times come from the caller's clock, not the database's.
/// </summary>
public sealed class GovernorStore(NpgsqlDataSource dataSource)
{
    private sealed record Counts(long Minute, long Hour, long Day, DateTime? NextAt);

    /// <summary>
    /// Takes one permit from every budget, or none: the first budget that is spent (or still in its gap) says when
    /// to ask again. <paramref name="gap"/> is the wait after this permit before the next one of the first budget.
    /// </summary>
    public static async Task<BudgetAnswer> TryTakeAsync(NpgsqlConnection connection, IReadOnlyList<RateBudget> budgets,
        DateTimeOffset now, TimeSpan gap, string? subject, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var budget in budgets.OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended('governor:' || @Name, 0))", new { budget.Name }, transaction, cancellationToken: ct));
        }

        foreach (var budget in budgets)
        {
            if (await CheckAsync(connection, transaction, budget, now, ct) is { } refused)
            {
                await transaction.RollbackAsync(ct);
                return refused;
            }
        }

        for (var i = 0; i < budgets.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO governor_grants (budget, granted_at, next_at, subject) VALUES (@budget, @now, @next, @subject)",
                new { budget = budgets[i].Name, now = now.UtcDateTime, next = (i == 0 ? now + gap : now).UtcDateTime, subject },
                transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        return BudgetAnswer.Grant(now);
    }

    public async Task<BudgetUsage> UsageAsync(RateBudget budget, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var c = await CountAsync(connection, null, budget.Name, now, ct);
        return new BudgetUsage(budget.Name, (int)c.Minute, budget.PerMinute, (int)c.Hour, budget.PerHour, (int)c.Day, budget.PerDay,
            c.NextAt is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null);
    }

    /// <summary>Forgets the grants older than <paramref name="keep"/> (retention).</summary>
    public static Task<int> DeleteGrantsBeforeAsync(NpgsqlConnection connection, TimeSpan keep, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM governor_grants WHERE granted_at < now() - @keep", new { keep }, cancellationToken: ct));

    /// <summary>True when the driver wrote in this chat since <paramref name="since"/> (the inbound ledger).</summary>
    public static Task<bool> DriverWroteSinceAsync(NpgsqlConnection connection, string waChatId, DateTimeOffset since, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM inbound_messages WHERE wa_chat_id IN ({SameContact}) AND NOT from_me AND wa_timestamp >= @since)",
            new { waChatId, since = since.UtcDateTime }, cancellationToken: ct));

    /// <summary>True when <paramref name="budget"/> granted a permit for <paramref name="subject"/> since <paramref name="since"/>.</summary>
    public static Task<bool> GrantedSinceAsync(NpgsqlConnection connection, string budget, string subject, DateTimeOffset since, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM governor_grants WHERE budget = @budget AND subject = @subject AND granted_at > @since)",
            new { budget, subject, since = since.UtcDateTime }, cancellationToken: ct));

    /// <summary>The WhatsApp id of the driver's newest message in this chat (what a Cloud API read receipt names), or null.</summary>
    public static Task<string?> DriverLastMessageAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT wa_message_id FROM inbound_messages
            WHERE wa_chat_id = @waChatId AND NOT from_me AND strpos(wa_message_id, ':') = 0
            ORDER BY wa_timestamp DESC, id DESC LIMIT 1
            """, new { waChatId }, cancellationToken: ct));

    /// <summary>True when the number already sent something to this chat (the outbox's sent WhatsApp rows).</summary>
    public static Task<bool> NumberWroteBeforeAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM outbox WHERE wa_chat_id IN ({SameContact}) AND lane = 'whatsapp' AND state = 'sent' AND wa_message_id IS NOT NULL)",
            new { waChatId }, cancellationToken: ct));

    /// <summary>
    /// The chat ids of one person: a driver who writes from a privacy id (<c>…@lid</c>) is the same chat as the phone
    /// id (<c>…@c.us</c>) a notice is addressed to, once the contact holds both (docs/0013).
    /// </summary>
    private const string SameContact = """
        SELECT @waChatId
        UNION ALL SELECT lid FROM contacts WHERE wa_chat_id = @waChatId AND lid IS NOT NULL
        UNION ALL SELECT wa_chat_id FROM contacts WHERE lid = @waChatId
        """;

    private static async Task<BudgetAnswer?> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RateBudget budget,
        DateTimeOffset now, CancellationToken ct)
    {
        var c = await CountAsync(connection, transaction, budget.Name, now, ct, Span(budget));
        if (c.NextAt is { } next && new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) > now)
        {
            return new BudgetAnswer(false, new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)), budget.Name + ":gap");
        }

        foreach (var (used, limit, window, label) in new[]
        {
            (c.Minute, budget.PerMinute, TimeSpan.FromMinutes(1), "minute"),
            (c.Hour, budget.PerHour, TimeSpan.FromHours(1), "hour"),
            (c.Day, budget.PerDay, TimeSpan.FromDays(1), "day"),
        })
        {
            if (limit > 0 && used >= limit)
            {
                // The window frees a permit when its (used - limit + 1)-th oldest grant leaves it.
                var oldest = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
                    """
                    SELECT granted_at FROM governor_grants WHERE budget = @name AND granted_at > @since
                    ORDER BY granted_at OFFSET @skip LIMIT 1
                    """, new { name = budget.Name, since = (now - window).UtcDateTime, skip = used - limit }, transaction, cancellationToken: ct));
                return new BudgetAnswer(false, new DateTimeOffset(DateTime.SpecifyKind(oldest, DateTimeKind.Utc)) + window, budget.Name + ":" + label);
            }
        }

        return null;
    }

    /// <summary>How far back a check must count: a budget limited per minute only (Chatwoot's) reads one minute of grants, not a day.</summary>
    private static TimeSpan Span(RateBudget budget) =>
        budget.PerDay > 0 ? TimeSpan.FromDays(1) : budget.PerHour > 0 ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1);

    private static Task<Counts> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, DateTimeOffset now,
        CancellationToken ct, TimeSpan? span = null) =>
        connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE granted_at > @minute) AS minute, count(*) FILTER (WHERE granted_at > @hour) AS hour,
                   count(*) AS day, max(next_at) AS next_at
            FROM governor_grants WHERE budget = @name AND granted_at > @day
            """,
            new { name, minute = (now - TimeSpan.FromMinutes(1)).UtcDateTime, hour = (now - TimeSpan.FromHours(1)).UtcDateTime, day = (now - (span ?? TimeSpan.FromDays(1))).UtcDateTime },
            transaction, cancellationToken: ct));
}
