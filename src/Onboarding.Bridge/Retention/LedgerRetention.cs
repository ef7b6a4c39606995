using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

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
        var inbound = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbound_messages WHERE state <> 'pending' AND received_at < now() - @keep", new { keep }, cancellationToken: ct));
        var outbox = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE state IN ('sent', 'dead') AND created_at < now() - @keep", new { keep }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM message_receipts WHERE updated_at < now() - @keep", new { keep }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_receipts WHERE received_at < now() - @window", new { window = options.Value.SignatureWindow * 2 }, cancellationToken: ct));
        var keys = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at < now()", cancellationToken: ct));

        // The governor's budgets look back one day at most (docs/0027).
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM governor_grants WHERE granted_at < now() - interval '2 days'", cancellationToken: ct));
        if (inbound + outbox + keys > 0)
        {
            LogDeleted(inbound, outbox, keys);
        }

        return (inbound, outbox, keys);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Inbound} ledger rows, {Outbox} outbox rows, {Keys} idempotency keys")]
    private partial void LogDeleted(int inbound, int outbox, int keys);
}
