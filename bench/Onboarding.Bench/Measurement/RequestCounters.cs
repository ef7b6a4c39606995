using System.Globalization;
using Npgsql;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Measurement;

/// <summary>
/// Load-independent costs of a scenario: bytes the host allocated (the runtime's <c>dotnet.gc.heap.total_allocated</c>
/// on <c>/metrics</c>) and, when the cluster preloads <c>pg_stat_statements</c> (<c>BENCH_PG_OPTS="-c fsync=off -c
/// shared_preload_libraries=pg_stat_statements"</c>), the statements Postgres ran and their execution time. The
/// figures count the host's background work too, which is small beside a load run.
/// </summary>
public sealed class RequestCounters
{
    private readonly BridgeRig _rig;
    private readonly bool _statements;
    private double _allocatedBefore;

    private RequestCounters(BridgeRig rig, bool statements)
    {
        _rig = rig;
        _statements = statements;
    }

    public static async Task<RequestCounters> StartAsync(BridgeRig rig, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(rig.ConnectionString);
        await connection.OpenAsync(ct);
        var preloaded = (await ScalarTextAsync(connection, "SELECT current_setting('shared_preload_libraries')", ct)).Contains("pg_stat_statements", StringComparison.Ordinal);
        if (preloaded)
        {
            await ScalarTextAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
            await ScalarTextAsync(connection, "SELECT pg_stat_statements_reset()::text", ct);
        }

        var counters = new RequestCounters(rig, preloaded);
        counters._allocatedBefore = await AllocatedBytesAsync(rig, ct);
        return counters;
    }

    /// <summary>One line per request: bytes allocated, statements, and the statements that took most Postgres time.</summary>
    public async Task<string> StopAsync(long requests, CancellationToken ct)
    {
        var n = Math.Max(1, requests);
        var allocated = (await AllocatedBytesAsync(_rig, ct) - _allocatedBefore) / n;
        var text = string.Create(CultureInfo.InvariantCulture, $"{allocated / 1024:F1} KiB allocated by the host per request");
        if (!_statements)
        {
            return text + " (statements not counted: pg_stat_statements not preloaded)";
        }

        await using var connection = new NpgsqlConnection(_rig.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT calls, total_exec_time + total_plan_time, left(regexp_replace(query, '\s+', ' ', 'g'), 60)
            FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long calls = 0;
        double ms = 0;
        var top = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            calls += reader.GetInt64(0);
            ms += reader.GetDouble(1);
            if (top.Count < 8 && reader.GetInt64(0) >= n / 10)
            {
                top.Add(string.Create(CultureInfo.InvariantCulture, $"{(double)reader.GetInt64(0) / n:F2}× ({reader.GetDouble(1) / n:F3} ms) `{reader.GetString(2)}`"));
            }
        }

        return text + string.Create(CultureInfo.InvariantCulture,
            $"; {(double)calls / n:F2} statements and {ms / n:F3} ms of statement time per request: {string.Join(", ", top)}");
    }

    private static async Task<string> ScalarTextAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(ct))?.ToString() ?? "";
    }

    private static async Task<double> AllocatedBytesAsync(BridgeRig rig, CancellationToken ct)
    {
        var text = await rig.Http.GetStringAsync("/metrics", ct);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("dotnet_gc_heap_total_allocated", StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }
}
