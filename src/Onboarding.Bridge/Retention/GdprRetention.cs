using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Data.Drivers;

namespace Onboarding.Bridge.Retention;

/// <summary>
/// Applies the retention periods: rejected and withdrawn drivers are erased by the erase route's own erase (every copy,
/// the Chatwoot contact through the outbox; the anonymous row and history kept), abandoned registrations (contacts that never became drivers and went silent) are deleted.
/// </summary>
public sealed partial class GdprRetention(NpgsqlDataSource dataSource, DriverRepository drivers, IOptions<GdprRetentionOptions> options,
    ILogger<GdprRetention> logger)
{
    public const string Actor = "retention";

    public async Task<(int Anonymised, int Abandoned)> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var due = (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM drivers
            WHERE (status = 'rejected' AND @rejected > 0 AND updated_at < now() - make_interval(days => @rejected))
               OR (status = 'withdrawn' AND @withdrawn > 0 AND updated_at < now() - make_interval(days => @withdrawn))
            LIMIT 500
            """, new { rejected = o.RejectedDays, withdrawn = o.WithdrawnDays }, cancellationToken: ct))).AsList();
        var anonymised = 0;
        foreach (var id in due)
        {
            anonymised += await drivers.EraseAsync(id, Actor, ct) ? 1 : 0;
        }

        var abandoned = o.AbandonedDays <= 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM contacts c
            WHERE c.driver_id IS NULL AND c.updated_at < now() - make_interval(days => @days)
              AND NOT EXISTS (SELECT 1 FROM drivers d WHERE d.phone_e164 = c.phone_e164)
              AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.contact_id = c.id AND v.last_activity_at >= now() - make_interval(days => @days))
              AND NOT EXISTS (SELECT 1 FROM inbound_messages m WHERE m.wa_chat_id IN (c.wa_chat_id, c.lid) AND m.received_at >= now() - make_interval(days => @days))
            """, new { days = o.AbandonedDays }, cancellationToken: ct));
        if (anonymised + abandoned > 0)
        {
            LogApplied(anonymised, abandoned);
        }

        return (anonymised, abandoned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention anonymised {Anonymised} drivers and deleted {Abandoned} abandoned contacts")]
    private partial void LogApplied(int anonymised, int abandoned);
}
