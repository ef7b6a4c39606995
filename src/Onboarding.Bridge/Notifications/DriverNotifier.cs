using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Notifications;

/// <summary>
/// Turns status changes made by staff into WhatsApp messages to the driver, through the outbox and mirrored into the
/// driver's Chatwoot conversation. Each history row is marked in the same transaction as its messages are enqueued,
/// so a change is announced exactly once whichever replica (or the sweep after a crash) gets to it.
/// </summary>
public sealed class DriverNotifier(NpgsqlDataSource dataSource, IOptions<NotificationOptions> options, BridgeSignal signal)
{
    private sealed record Change(long Id, Guid DriverId, string ToStatus, string? Reason, string? FullName, string? PhoneE164,
        string? WaChatId, long? ChatwootConversationId, string? Language);

    /// <summary>Announces every change not yet announced; returns how many messages were enqueued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changes = (await connection.QueryAsync<Change>(new CommandDefinition(
            """
            SELECT h.id, h.driver_id, h.to_status, h.reason, d.full_name, d.phone_e164, d.wa_chat_id,
                   (SELECT v.chatwoot_conversation_id FROM contacts c JOIN conversations v ON v.contact_id = c.id
                    WHERE c.wa_chat_id = d.wa_chat_id ORDER BY v.id DESC LIMIT 1) AS chatwoot_conversation_id,
                   (SELECT c.language FROM contacts c WHERE c.wa_chat_id = d.wa_chat_id LIMIT 1) AS language
            FROM driver_status_history h JOIN drivers d ON d.id = h.driver_id
            WHERE h.notified_at IS NULL ORDER BY h.id LIMIT 100
            FOR UPDATE OF h SKIP LOCKED
            """, transaction: transaction, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var change in changes)
        {
            if (options.Value.Enabled && options.Value.TemplateFor(change.ToStatus, change.Language) is { } template
                && change.WaChatId is { } chat)
            {
                var text = template.Replace("{name}", FirstName(change.FullName), StringComparison.Ordinal)
                    .Replace("{reason}", change.Reason ?? "", StringComparison.Ordinal).Trim();
                var key = $"notify:{change.DriverId}:{change.Id}";
                var conversation = (int?)change.ChatwootConversationId;
                await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key, chat, OutboxKinds.Text, new OutboxPayload { Text = text, Typing = true })
                {
                    ChatwootConversationId = conversation,
                }, ct);
                if (conversation is not null)
                {
                    await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key + ":cw", chat, OutboxKinds.ChatwootMessage,
                        new OutboxPayload { Text = text, SourceId = "onboarding:" + key })
                    {
                        Lane = OutboxLanes.Chatwoot,
                        ChatwootConversationId = conversation,
                    }, ct);
                }

                sent++;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE driver_status_history SET notified_at = now() WHERE id = @Id", new { change.Id }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        if (sent > 0)
        {
            signal.Wake();
        }

        return sent;
    }

    private static string FirstName(string? fullName) =>
        fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
