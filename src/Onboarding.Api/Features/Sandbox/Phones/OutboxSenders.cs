using Dapper;
using Npgsql;

namespace Onboarding.Api.Features.Sandbox.Phones;

/// <summary>The outbox dedupe key behind each WhatsApp message we sent, by WhatsApp message id.</summary>
internal static class OutboxSenders
{
    public static async Task<IReadOnlyDictionary<string, string>> KeysAsync(NpgsqlDataSource dataSource, string[] waMessageIds, CancellationToken ct)
    {
        if (waMessageIds.Length == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string WaMessageId, string DedupeKey)>(new CommandDefinition(
            "SELECT wa_message_id, dedupe_key FROM outbox WHERE wa_message_id = ANY(@waMessageIds)", new { waMessageIds }, cancellationToken: ct));
        return rows.ToDictionary(r => r.WaMessageId, r => r.DedupeKey);
    }
}
