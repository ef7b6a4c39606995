using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Contacts;
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
        var due = await DriverRepository.DueForErasureAsync(connection, o.RejectedDays, o.WithdrawnDays, ct);
        var anonymised = 0;
        foreach (var id in due)
        {
            anonymised += await drivers.EraseAsync(id, Actor, ct) ? 1 : 0;
        }

        var abandoned = o.AbandonedDays <= 0 ? 0 : await ContactDirectory.DeleteAbandonedAsync(connection, o.AbandonedDays, ct);
        if (anonymised + abandoned > 0)
        {
            LogApplied(anonymised, abandoned);
        }

        return (anonymised, abandoned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention anonymised {Anonymised} drivers and deleted {Abandoned} abandoned contacts")]
    private partial void LogApplied(int anonymised, int abandoned);
}
