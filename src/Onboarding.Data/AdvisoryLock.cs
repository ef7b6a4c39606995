using Dapper;
using Npgsql;

namespace Onboarding.Data;

/// <summary>Session-level Postgres advisory locks keyed by text: one holder across every replica.</summary>
public static class AdvisoryLock
{
    public static async Task<bool> TryTakeAsync(NpgsqlConnection connection, string key, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", new { key }, cancellationToken: ct));

    public static async Task TakeAsync(NpgsqlConnection connection, string key, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtextextended(@key, 0))", new { key }, cancellationToken: ct));

    public static async Task ReleaseAsync(NpgsqlConnection connection, string key) =>
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", new { key }));
}
