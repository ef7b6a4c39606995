using Microsoft.Extensions.Logging;
using Npgsql;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Inbound.Processing;

public sealed partial class InboundProcessor
{
    /// <summary>
    /// Records a failed processing as one attempt. Returns true when the row reached a final state (a poison row,
    /// or the budget spent), false when it waits for its backoff, with later messages of the chat behind it.
    /// </summary>
    private async Task<bool> FailAsync(NpgsqlConnection connection, LedgerRow row, WppMessage message, RowFailure failure, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.Throttled)
        {
            // Chatwoot's limit: nothing was done; the row keeps its place (the chat waits behind it) and its attempts.
            await InboundLedger.MarkThrottledAsync(connection, row.Id, row.Attempts, failure.Reason, failure.RetryAfter ?? TimeSpan.FromSeconds(1), ct);
            return false;
        }

        var attempt = row.Attempts + 1;
        await InboundLedger.MarkAttemptAsync(connection, row.Id, attempt, ct);
        switch (failure.Kind)
        {
            case FailureKind.Permanent:
                LogPoison(row.Id, failure.Reason, failure.Error);
                BridgeMetrics.Poisoned("inbound", failure.Reason);
                await InboundLedger.MarkRetryAsync(connection, row.Id, $"{failure.Reason}: {failure.Error}", TimeSpan.Zero, giveUp: true, ct);
                await NotePoisonAsync(connection, row, message, failure, ct);
                return true;
            case FailureKind.ConversationGone:
                // Deleted in Chatwoot: forget the mapping and post into a new one, at once the first time only.
                if (await ConversationOfAsync(connection, row.WaChatId, ct) is { } gone)
                {
                    await contacts.ForgetConversationAsync(gone, ct);
                }

                await InboundLedger.MarkRetryAsync(connection, row.Id, failure.Error,
                    row.Attempts == 0 ? TimeSpan.Zero : options.Value.Backoff(row.Attempts), giveUp: false, ct);
                return false;
            case FailureKind.Unauthorized:
                try
                {
                    await tokens.RenewAsync(await tokens.GetAsync(ct), ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Renewing failed too: the next attempt, after its backoff, tries again.
                    LogRetry(row.Id, "token_renewal", e.GetType().Name, giveUp: false);
                }

                break;
        }

        var giveUp = clock.GetUtcNow().UtcDateTime - row.ReceivedAt > options.Value.RetryBudget;
        LogRetry(row.Id, failure.Reason, failure.Error, giveUp);
        BridgeMetrics.Retried("inbound");
        await InboundLedger.MarkRetryAsync(connection, row.Id, $"{failure.Reason}: {failure.Error}",
            failure.RetryAfter ?? options.Value.Backoff(attempt), giveUp, ct);
        return giveUp;
    }

    /// <summary>Tells the agents, in the driver's conversation, what arrived and why it is not shown (through the outbox, once).</summary>
    private async Task NotePoisonAsync(NpgsqlConnection connection, LedgerRow row, WppMessage message, RowFailure failure, CancellationToken ct)
    {
        if (await ConversationOfAsync(connection, row.WaChatId, ct) is not { } conversation)
        {
            return;
        }

        var what = InboundContent.Describe(message.Type).ToLowerInvariant()
            + (string.IsNullOrWhiteSpace(message.Mimetype) ? "" : $" ({message.Mimetype}{(message.Size is { } size ? $", {size / 1024} KB" : "")})");
        var text = $"⚠️ O condutor enviou {what} que não foi possível mostrar aqui ({failure.Reason}: {failure.Error}). Veja-a no telemóvel da empresa.";
        var key = "poison:inbound:" + row.WaMessageId;
        await OutboxStore.InsertAsync(connection, null, new OutboxEntry(key, row.WaChatId, OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text, Private = true, SourceId = "onboarding:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = conversation,
        }, ct);
        signal.Wake();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound message {Id} not mirrored yet ({Reason}): {Error} (giving up: {GiveUp})")]
    private partial void LogRetry(long id, string reason, string error, bool giveUp);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound message {Id} cannot be mirrored ({Reason}): {Error}; its chat moves on")]
    private partial void LogPoison(long id, string reason, string error);
}
