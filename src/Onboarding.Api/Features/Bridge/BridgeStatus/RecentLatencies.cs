using Npgsql;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Api.Features.Bridge.BridgeStatus;

/// <summary>p50 and p95 over the newest finished rows of the inbound ledger and of the outbox.</summary>
internal static class RecentLatencies
{
    public const int Window = 200;

    public static async Task<BridgeLatencies> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inbound = await InboundLedger.LatencyAsync(connection, Window, ct);
        var outbox = await OutboxStore.LatencyAsync(connection, Window, ct);
        return new BridgeLatencies(Window, Stats(inbound), Stats(outbox));
    }

    private static LatencyStats Stats((long Samples, double? P50, double? P95) row) =>
        new(row.Samples, Round(row.P50), Round(row.P95));

    private static double? Round(double? ms) => ms is { } v ? Math.Round(v, 1) : null;
}
