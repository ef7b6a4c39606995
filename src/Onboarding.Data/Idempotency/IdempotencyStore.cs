using Dapper;
using Npgsql;

namespace Onboarding.Data.Idempotency;

public sealed record StoredResponse(string RequestHash, int StatusCode, string ResponseBody);

/// <summary>Responses kept per (scope, Idempotency-Key) so a retried request gets the first answer again.</summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<StoredResponse?> FindAsync(string scope, string key, CancellationToken ct)
    {
        const string sql = """
            SELECT request_hash, status_code, response_body FROM idempotency_keys
            WHERE scope = @scope AND key = @key AND expires_at > now()
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredResponse>(new CommandDefinition(sql, new { scope, key }, cancellationToken: ct));
    }

    public async Task SaveAsync(string scope, string key, StoredResponse response, CancellationToken ct)
    {
        // The first stored answer wins; an expired row is replaced.
        const string sql = """
            INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, expires_at)
            VALUES (@scope, @key, @RequestHash, @StatusCode, @ResponseBody, now() + @lifetime)
            ON CONFLICT (scope, key) DO UPDATE SET
                request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code,
                response_body = EXCLUDED.response_body, created_at = now(), expires_at = EXCLUDED.expires_at
            WHERE idempotency_keys.expires_at <= now()
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { scope, key, response.RequestHash, response.StatusCode, response.ResponseBody, lifetime = Lifetime }, cancellationToken: ct));
    }

    /// <summary>Retention: deletes the keys past their expiry.</summary>
    public static Task<int> DeleteExpiredAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at < now()", cancellationToken: ct));
}
