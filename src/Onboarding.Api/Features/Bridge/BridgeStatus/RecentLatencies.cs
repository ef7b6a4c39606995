using Dapper;
using Npgsql;

namespace Onboarding.Api.Features.Bridge.BridgeStatus;

/// <summary>p50 and p95 over the newest finished rows of the inbound ledger and of the outbox.</summary>
internal static class RecentLatencies
{
    public const int Window = 200;

    public static async Task<BridgeLatencies> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        // Pauses are the bot's deliberate waits, not messages; they would only blur the outbox figure.
        const string sql = """
            WITH inbound AS (
                SELECT extract(epoch FROM processed_at - received_at)::double precision * 1000 AS ms
                FROM inbound_messages WHERE state = 'done' AND processed_at IS NOT NULL ORDER BY id DESC LIMIT @window),
            outbound AS (
                SELECT extract(epoch FROM sent_at - created_at)::double precision * 1000 AS ms
                FROM outbox WHERE state = 'sent' AND sent_at IS NOT NULL AND kind <> 'pause' ORDER BY id DESC LIMIT @window)
            SELECT 'inbound' AS path, count(*) AS samples,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
            FROM inbound
            UNION ALL
            SELECT 'outbox', count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)
            FROM outbound
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<(string Path, long Samples, double? P50, double? P95)>(
            new CommandDefinition(sql, new { window = Window }, cancellationToken: ct))).ToDictionary(r => r.Path);
        return new BridgeLatencies(Window, Stats(rows["inbound"]), Stats(rows["outbox"]));
    }

    private static LatencyStats Stats((string Path, long Samples, double? P50, double? P95) row) =>
        new(row.Samples, Round(row.P50), Round(row.P95));

    private static double? Round(double? ms) => ms is { } v ? Math.Round(v, 1) : null;
}
