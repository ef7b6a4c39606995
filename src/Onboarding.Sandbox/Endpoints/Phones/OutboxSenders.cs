using Npgsql;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Sandbox.Endpoints.Phones;

/// <summary>The outbox dedupe key behind each WhatsApp message we sent, by WhatsApp message id.</summary>
internal static class OutboxSenders
{
    /// <summary>
    /// Keys of the rows that recorded these messages' ids, plus the sends still in flight: WhatsApp may hold a message
    /// before its send recorded the id (state <c>sending</c>), so an unmatched message of ours is matched to the chat's
    /// in-flight row with the same text.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> KeysAsync(
        NpgsqlDataSource dataSource, string chatId, IReadOnlyList<PhoneMessage> ours, CancellationToken ct)
    {
        if (ours.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var waMessageIds = ours.Select(m => m.Id).ToArray();
        var keys = await OutboxStore.DedupeKeysAsync(connection, waMessageIds, ct);
        var inFlight = await OutboxStore.InFlightTextsAsync(connection, chatId, ct);
        foreach (var message in ours.Where(m => !keys.ContainsKey(m.Id)).Reverse())
        {
            var match = inFlight.FindIndex(r => r.Text == message.Text);
            if (match >= 0)
            {
                keys[message.Id] = inFlight[match].DedupeKey;
                inFlight.RemoveAt(match);
            }
        }

        return keys;
    }
}
