using Npgsql;

namespace Onboarding.Tests.Shared;

/// <summary>A fresh database per test run on the server ./test.sh starts (ONBOARDING_TEST_POSTGRES).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("ONBOARDING_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ONBOARDING_TEST_POSTGRES is not set: run the suite through ./test.sh, which starts a throwaway Postgres.");
        var database = new TestDatabase(server, "onboarding_test_" + Guid.NewGuid().ToString("N")[..12]);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>Empties every application table (not the migration journal nor Quartz's tables) before a test.</summary>
    public async Task ResetAsync()
    {
        const string sql = """
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I', tablename), ', ') INTO tables FROM pg_tables
              WHERE schemaname = 'public' AND tablename <> 'schema_versions' AND tablename NOT LIKE 'qrtz\_%';
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """;
        // A host still running its background work holds row locks the TRUNCATE's table locks can cross, and Postgres
        // then cancels one side as a deadlock (40P01). Emptying the tables is idempotent: take the locks again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
