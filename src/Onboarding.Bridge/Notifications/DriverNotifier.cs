using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Drivers;

namespace Onboarding.Bridge.Notifications;

/// <summary>
/// Turns status changes made by staff into WhatsApp messages to the driver, through the outbox and mirrored into the
/// driver's Chatwoot conversation. Each history row is marked in the same transaction as its messages are enqueued,
/// so a change is announced exactly once whichever replica (or the sweep after a crash) gets to it.
/// </summary>
public sealed class DriverNotifier(NpgsqlDataSource dataSource, IOptions<NotificationOptions> options, BridgeSignal signal)
{
    /// <summary>Announces every change not yet announced; returns how many messages were enqueued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changes = await DriverRepository.UnannouncedChangesAsync(connection, transaction, ct);
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
                // Outside the Cloud API's 24-hour window the status_notice template goes instead, with these values (docs/0043).
                var payload = new OutboxPayload
                {
                    Text = text,
                    Typing = true,
                    Purpose = TemplatePurposes.StatusNotice + "." + change.ToStatus,
                    Language = change.Language,
                    Values = new Dictionary<string, string>
                    {
                        ["name"] = FirstName(change.FullName),
                        ["status"] = change.ToStatus,
                        ["reason"] = change.Reason ?? "",
                        ["text"] = text,
                    },
                };
                await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key, chat, OutboxKinds.Text, payload)
                {
                    Class = MessageClasses.ServiceNotice,
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

            await DriverRepository.MarkAnnouncedAsync(connection, transaction, change.Id, ct);
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
