using Dapper;
using Npgsql;

namespace Onboarding.Bridge.State;

/// <summary>Small named values that must survive restarts and be shared by replicas (<c>bridge_state</c>).</summary>
public sealed class BridgeState(NpgsqlDataSource dataSource)
{
    public const string CatchUpWatermark = "wpp.catchup.watermark";
    /// <summary>The session state from <c>status-session</c> (CONNECTED, QRCODE, …), kept by the session health job.</summary>
    public const string SessionStatus = "wpp.status";

    /// <summary>The last <c>status-find</c> webhook value (inChat, disconnectedMobile, …).</summary>
    public const string SessionEvent = "wpp.status-find";
    public const string QrCode = "wpp.qrcode";

    public async Task<string?> GetAsync(string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT value FROM bridge_state WHERE key = @key", new { key }, cancellationToken: ct));
    }

    public async Task<(string Value, DateTime UpdatedAt)?> GetWithTimeAsync(string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<(string, DateTime)?>(new CommandDefinition(
            "SELECT value, updated_at FROM bridge_state WHERE key = @key", new { key }, cancellationToken: ct));
    }

    public async Task SetAsync(string key, string value, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bridge_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
            new { key, value }, cancellationToken: ct));
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM bridge_state WHERE key = @key", new { key }, cancellationToken: ct));
    }
}
