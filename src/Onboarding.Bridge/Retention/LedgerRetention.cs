using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Governor;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Outbound.Intake;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Idempotency;

namespace Onboarding.Bridge.Retention;

/// <summary>
/// Deletes what the bridge no longer needs: finished ledger and outbox rows (message contents are personal data)
/// after <see cref="BridgeOptions.LedgerRetention"/>, expired idempotency keys, and webhook receipts older than twice the
/// signature window (a replay that old is refused by its timestamp). Pending work is never touched.
/// </summary>
public sealed partial class LedgerRetention(NpgsqlDataSource dataSource, IOptions<BridgeOptions> options, ILogger<LedgerRetention> logger)
{
    public async Task<(int Inbound, int Outbox, int Keys)> RunOnceAsync(CancellationToken ct)
    {
        var keep = options.Value.LedgerRetention;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inbound = await InboundLedger.DeleteFinishedBeforeAsync(connection, keep, ct);
        var outbox = await OutboxStore.DeleteFinishedBeforeAsync(connection, keep, ct);
        await DeliveryReceipts.DeleteOlderThanAsync(connection, keep, ct);
        await WebhookReceipts.DeleteOlderThanAsync(connection, options.Value.SignatureWindow * 2, ct);
        var keys = await IdempotencyStore.DeleteExpiredAsync(connection, ct);

        // The governor's budgets look back one day at most (docs/0027).
        await GovernorStore.DeleteGrantsBeforeAsync(connection, TimeSpan.FromDays(2), ct);
        if (inbound + outbox + keys > 0)
        {
            LogDeleted(inbound, outbox, keys);
        }

        return (inbound, outbox, keys);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Inbound} ledger rows, {Outbox} outbox rows, {Keys} idempotency keys")]
    private partial void LogDeleted(int inbound, int outbox, int keys);
}
