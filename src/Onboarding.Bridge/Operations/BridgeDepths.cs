using Npgsql;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Operations;

/// <summary>How much work is waiting: read by the sweep job for the gauges and by the console's bridge page.</summary>
public sealed class BridgeDepths(NpgsqlDataSource dataSource)
{
    public async Task<BridgeDepth> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (backlog, failed) = await InboundLedger.DepthsAsync(connection, ct);
        var (waiting, dead) = await OutboxStore.DepthsAsync(connection, ct);
        var depth = new BridgeDepth(backlog, waiting, dead, failed);
        BridgeMetrics.Depths(depth.Backlog, depth.Outbox, depth.Dead);
        return depth;
    }
}

/// <summary>Counts of waiting and given-up work.</summary>
public sealed record BridgeDepth(long Backlog, long Outbox, long Dead, long FailedInbound);
