using Dapper;
using Npgsql;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>The bridge's mode (<c>bot</c>, <c>human</c>, <c>closed</c>) of each Chatwoot conversation it manages.</summary>
internal static class BridgeModes
{
    public static async Task<IReadOnlyDictionary<long, string>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Mode)>(new CommandDefinition(
            "SELECT chatwoot_conversation_id, mode FROM conversations", cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Mode);
    }
}
