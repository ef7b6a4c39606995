using Npgsql;

namespace Onboarding.Bench.Hosting;

/// <summary>A fresh database on the throwaway cluster run.sh starts (<c>ONBOARDING_BENCH_POSTGRES</c>), dropped afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server to create databases on: <c>ONBOARDING_BENCH_POSTGRES</c>, else <c>ONBOARDING_TEST_POSTGRES</c>.</summary>
    public static string ServerFromEnvironment() =>
        Environment.GetEnvironmentVariable("ONBOARDING_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("ONBOARDING_TEST_POSTGRES") is { Length: > 0 } test ? test
        : throw new InvalidOperationException("Set ONBOARDING_BENCH_POSTGRES (./bench/run.sh does) to a Postgres server connection string.");

    public static async Task<BenchDatabase> CreateAsync(string server, string prefix, CancellationToken ct)
    {
        var database = new BenchDatabase(server, $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)]);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
        return database;
    }

    /// <summary>One setting of the server (e.g. <c>fsync</c>), for the report header.</summary>
    public static async Task<string> SettingAsync(string server, string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var show = new NpgsqlCommand("SELECT current_setting(@name)", connection);
        show.Parameters.AddWithValue("name", name);
        return (string)(await show.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
