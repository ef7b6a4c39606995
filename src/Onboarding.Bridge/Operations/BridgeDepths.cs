using Dapper;
using Npgsql;
using Onboarding.Bridge.Observability;

namespace Onboarding.Bridge.Operations;

/// <summary>How much work is waiting: read by the sweep job for the gauges and by the console's bridge page.</summary>
public sealed class BridgeDepths(NpgsqlDataSource dataSource)
{
    public async Task<BridgeDepth> ReadAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM inbound_messages WHERE state = 'pending') AS backlog,
                   (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')) AS outbox,
                   (SELECT count(*) FROM outbox WHERE state = 'dead') AS dead,
                   (SELECT count(*) FROM inbound_messages WHERE state = 'failed') AS failedinbound
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var depth = await connection.QuerySingleAsync<BridgeDepth>(new CommandDefinition(sql, cancellationToken: ct));
        BridgeMetrics.Depths(depth.Backlog, depth.Outbox, depth.Dead);
        return depth;
    }
}

/// <summary>Counts of waiting and given-up work.</summary>
public sealed record BridgeDepth(long Backlog, long Outbox, long Dead, long FailedInbound);
