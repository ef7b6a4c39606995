using Npgsql;
using Onboarding.Bridge.Contacts;

namespace Onboarding.Sandbox.Endpoints.Agent;

/// <summary>The bridge's mode (<c>bot</c>, <c>human</c>, <c>closed</c>) of each Chatwoot conversation it manages.</summary>
internal static class BridgeModes
{
    public static async Task<IReadOnlyDictionary<long, string>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ContactDirectory.ModesAsync(connection, ct);
    }
}
