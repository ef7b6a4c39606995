using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Onboarding.Bridge.Outbound.Intake;

/// <summary>
/// Chatwoot webhooks already accepted (docs/0019): a replay of a signed one inside the 5-minute window, status events
/// included, is answered 200 and applied once. The keys are the signature (a replayer cannot change it without the
/// secret) and <c>X-Chatwoot-Delivery</c> (one per delivery, kept across Chatwoot's retries; not signed, so never
/// the only key).
/// </summary>
public sealed class WebhookReceipts(NpgsqlDataSource dataSource)
{
    /// <summary>The receipt keys of one delivery: its signature's hash and, when sent, its delivery id.</summary>
    public static string[] KeysOf(string signature, string? delivery)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature.Trim().ToLowerInvariant())));
        return string.IsNullOrWhiteSpace(delivery) ? ["sig:" + hash] : ["sig:" + hash, "delivery:" + delivery.Trim()[..Math.Min(delivery.Trim().Length, 200)]];
    }

    /// <summary>Records the keys; false when any of them was seen before (a replay).</summary>
    public async Task<bool> FirstTimeAsync(string[] keys, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webhook_receipts (receipt_key) SELECT unnest(@keys) ON CONFLICT DO NOTHING", new { keys }, cancellationToken: ct));
        return inserted == keys.Length;
    }

    /// <summary>Forgets the keys of a delivery that could not be applied, so that a genuine retry is not taken for a replay.</summary>
    public async Task ForgetAsync(string[] keys, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM webhook_receipts WHERE receipt_key = ANY(@keys)", new { keys }, cancellationToken: ct));
    }

    /// <summary>Retention: deletes receipts older than <paramref name="window"/> (a replay that old is refused by its timestamp).</summary>
    public static Task<int> DeleteOlderThanAsync(NpgsqlConnection connection, TimeSpan window, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_receipts WHERE received_at < now() - @window", new { window }, cancellationToken: ct));
}
