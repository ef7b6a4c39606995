using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Transport;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// Sends outbox rows to WhatsApp per chat, in order, paced; retries what certainly failed with backoff, checks before
/// resending what may have gone out, and turns what cannot be sent into a dead letter that agents see in Chatwoot.
/// </summary>
public sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    OutboxStore store,
    IWhatsAppTransport transport,
    ConversationWindow window,
    ChatwootEffects effects,
    DeliveryReceipts receipts,
    TrustedFetcher fetcher,
    SendGovernor governor,
    IOptions<BridgeOptions> options,
    BridgeSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly ChatDrain<OutboxLane> _lanes = new(dataSource, lane => "outbox:" + lane.Key, signal, logger);

    /// <summary>Chats being drained right now on this replica.</summary>
    public int Running => _lanes.Running;

    /// <summary>Processes every chat with due work; returns how many rows reached a final state.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct) =>
        await _lanes.RunAsync(await store.DueLanesAsync(500, ct), options.Value.Parallelism, DrainChatAsync, ct);

    private async Task<int> DrainChatAsync(NpgsqlConnection connection, OutboxLane lane, CancellationToken ct)
    {
        var finished = 0;
        var held = new HashSet<long>();
        while (await OutboxStore.HeadAsync(connection, lane, ct) is { } item)
        {
            if (finished > 0 && lane.Lane == OutboxLanes.WhatsApp)
            {
                await Task.Delay(options.Value.PerChatGap, clock, ct);
            }

            // A row the governor holds waits alone: the chat's other class (a reply behind a notice) goes on.
            if (lane.Lane == OutboxLanes.WhatsApp && !await AdmitAsync(connection, item, ct))
            {
                if (!held.Add(item.Id))
                {
                    break;
                }

                continue;
            }

            if (!await DispatchSafelyAsync(connection, item, ct))
            {
                break;
            }

            finished++;
        }

        return finished;
    }

    /// <summary>Asks the governor (docs/0027); on yes, shows "typing…" for the time it gives. An unreadable row goes on to be classified.</summary>
    private async Task<bool> AdmitAsync(NpgsqlConnection connection, OutboxItem item, CancellationToken ct)
    {
        OutboxPayload payload;
        try
        {
            payload = OutboxStore.Read(item);
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            return true;
        }

        if (await governor.AdmitAsync(connection, item, payload, ct) is not { } typing)
        {
            return false;
        }

        if (typing > TimeSpan.Zero)
        {
            await TypingAsync(item.WaChatId, ct);
            await Task.Delay(typing, clock, ct);
        }

        return true;
    }

    /// <summary>Whatever one row throws that its own handling did not expect (an unreadable payload), the lane moves on.</summary>
    private async Task<bool> DispatchSafelyAsync(NpgsqlConnection connection, OutboxItem item, CancellationToken ct)
    {
        try
        {
            return await DispatchAsync(connection, item, ct);
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            var failure = RowFailure.Classify(e);
            BridgeMetrics.Poisoned(item.Lane == OutboxLanes.Chatwoot ? "chatwoot" : "outbox", failure.Reason);
            LogDead(item.Id, failure.Error);
            await OutboxStore.MarkDeadAsync(connection, item.Id, $"{failure.Reason}: {failure.Error}", ct);
            return true;
        }
    }

    /// <summary>True when the row reached a final state (sent or dead).</summary>
    private async Task<bool> DispatchAsync(NpgsqlConnection connection, OutboxItem item, CancellationToken ct)
    {
        var payload = OutboxStore.Read(item);
        if (item.Lane == OutboxLanes.Chatwoot)
        {
            return await ApplyChatwootAsync(connection, item, payload, ct);
        }

        if (item.Kind == OutboxKinds.Pause)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(payload.PauseMs ?? 0, 0, 10_000)), clock, ct);
            await OutboxStore.MarkSentAsync(connection, item.Id, null, ct);
            return true;
        }

        if (item.State == "sending" && await transport.FindSentAsync(item.WaChatId, item.CreatedAt, payload.Text, ct) is { } found)
        {
            // The previous attempt's fate was unknown and the message is there: record it instead of sending again.
            await OutboxStore.MarkSentAsync(connection, item.Id, found, ct);
            return true;
        }

        var decision = transport.HasServiceWindow ? await window.DecideAsync(connection, item, payload, ct) : WindowDecision.Open;
        if (decision is { IsOpen: false, Template: null })
        {
            await WindowClosedAsync(connection, item, ct);
            return true;
        }

        await OutboxStore.MarkSendingAsync(connection, item.Id, ct);
        WppSendResult result;
        try
        {
            result = decision.Template is { } template
                ? await transport.SendTemplateAsync(item.WaChatId, template, decision.Parameters, ct)
                : await SendAsync(item, payload, ct);
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            // Nothing reached WPPConnect's send (the attachment could not be fetched or read): classified like any row.
            var failure = RowFailure.Classify(e);
            if (failure.Kind == FailureKind.Permanent)
            {
                BridgeMetrics.Poisoned("outbox", failure.Reason);
            }

            result = new WppSendResult(failure.Kind == FailureKind.Permanent ? WppSendOutcome.Rejected : WppSendOutcome.NotSent,
                null, null, null, $"{failure.Reason}: {failure.Error}", failure.RetryAfter);
        }

        if (await governor.AfterSendAsync(connection, item, result, ct))
        {
            // A restriction or a lost session: nothing went out, and the row waits without spending its attempt.
            return false;
        }

        var age = clock.GetUtcNow().UtcDateTime - item.CreatedAt;
        switch (result.Outcome)
        {
            case WppSendOutcome.Sent:
                await OutboxStore.MarkSentAsync(connection, item.Id, result.MessageId, ct);
                if (result.MessageId is { } sentId)
                {
                    await receipts.MatchAsync(connection, sentId, ct);
                }

                BridgeMetrics.Sent(clock.GetUtcNow().UtcDateTime - item.CreatedAt);
                if (item.Attempts > 0 && item.ChatwootConversationId is not null)
                {
                    await NoteAsync(connection, item, $"recovered:{item.Id}", $"✅ Mensagem entregue ao WhatsApp após {item.Attempts + 1} tentativas.", ct);
                }

                return true;
            case WppSendOutcome.Rejected:
                await GiveUpAsync(connection, item, result.Error ?? "rejected", ct);
                return true;
            default:
                if (age > options.Value.RetryBudget)
                {
                    await GiveUpAsync(connection, item, result.Error ?? result.Outcome.ToString(), ct);
                    return true;
                }

                var delay = result.RetryAfter ?? options.Value.Backoff(item.Attempts + 1);
                LogRetry(item.Id, result.Outcome, result.Error);
                BridgeMetrics.Retried("outbox");
                if (result.Outcome == WppSendOutcome.Unknown)
                {
                    await OutboxStore.MarkUncertainAsync(connection, item.Id, result.Error ?? "unknown", delay, ct);
                }
                else
                {
                    await OutboxStore.MarkRetryAsync(connection, item.Id, result.Error ?? result.Outcome.ToString(), delay, ct);
                }

                return false;
        }
    }

    /// <summary>
    /// A Chatwoot-lane row: applied, retried with backoff while Chatwoot fails, given up after the budget or at once
    /// when retrying cannot help. A receipt or status for a message Chatwoot no longer has is dropped: the message
    /// did reach WhatsApp, so it is neither a dead letter nor an alert.
    /// </summary>
    private async Task<bool> ApplyChatwootAsync(NpgsqlConnection connection, OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        await OutboxStore.MarkSendingAsync(connection, item.Id, ct);
        try
        {
            await effects.ApplyAsync(item with { Attempts = item.Attempts + 1 }, payload, ct);
            await OutboxStore.MarkSentAsync(connection, item.Id, null, ct);
            return true;
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            var failure = RowFailure.Classify(e);
            if (item.Kind == OutboxKinds.ChatwootMessageStatus && e is UpstreamException { StatusCode: HttpStatusCode.NotFound })
            {
                LogDropped(item.Id, item.Kind, failure.Error);
                BridgeMetrics.DroppedEffect(item.Kind);
                await OutboxStore.MarkDroppedAsync(connection, item.Id, failure.Error, ct);
                return true;
            }

            if (failure.Kind == FailureKind.Throttled)
            {
                // Chatwoot's limit: nothing was done; the row keeps its place and its attempt (docs/0030).
                await OutboxStore.MarkHeldAsync(connection, item.Id, failure.Reason, failure.RetryAfter ?? TimeSpan.FromSeconds(1), refund: true, ct);
                return false;
            }

            var permanent = failure.Kind is FailureKind.Permanent or FailureKind.ConversationGone;
            if (permanent || clock.GetUtcNow().UtcDateTime - item.CreatedAt > options.Value.RetryBudget)
            {
                if (permanent)
                {
                    BridgeMetrics.Poisoned("chatwoot", failure.Reason);
                }

                LogDead(item.Id, failure.Error);
                await OutboxStore.MarkDeadAsync(connection, item.Id, $"{failure.Reason}: {failure.Error}", ct);
                return true;
            }

            BridgeMetrics.Retried("chatwoot");
            await OutboxStore.MarkRetryAsync(connection, item.Id, $"{failure.Reason}: {failure.Error}",
                failure.RetryAfter ?? options.Value.Backoff(item.Attempts + 1), ct);
            return false;
        }
    }

    private async Task<WppSendResult> SendAsync(OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        if (payload.Typing)
        {
            await TypingAsync(item.WaChatId, ct);
        }

        if (item.Kind == OutboxKinds.File && payload.FileUrl is { } url)
        {
            var file = await fetcher.GetAsync(new Uri(url), ct);
            if (file.Bytes is not { } bytes)
            {
                return new WppSendResult(UpstreamException.IsTransientStatus(file.Status) ? WppSendOutcome.NotSent : WppSendOutcome.Rejected,
                    null, null, file.Status, $"attachment download failed with HTTP {(int)file.Status}");
            }

            var type = payload.ContentType ?? file.ContentType ?? "application/octet-stream";
            return await transport.SendFileAsync(item.WaChatId, bytes, type, payload.FileName ?? "ficheiro", payload.Text, ct);
        }

        return payload is { Choices: { Count: > 0 } choices, Text: { } menu }
            ? await transport.SendChoiceAsync(item.WaChatId, menu, payload.ChoiceBody ?? menu, choices, ct)
            : await transport.SendTextAsync(item.WaChatId, payload.Text ?? "", ct);
    }

    private Task TypingAsync(string chat, CancellationToken ct) => transport.TypingAsync(chat, ct);

    /// <summary>
    /// Outside the Cloud API's 24-hour window with no template for the message: nothing is sent, the row is finished
    /// with its reason and agents read why in the conversation (docs/0043).
    /// </summary>
    private async Task WindowClosedAsync(NpgsqlConnection connection, OutboxItem item, CancellationToken ct)
    {
        LogWindowClosed(item.Id);
        BridgeMetrics.DroppedEffect("window_closed");
        await OutboxStore.MarkDroppedAsync(connection, item.Id, "outside the 24-hour window and no template for it", ct);
        if (item.ChatwootConversationId is not null)
        {
            await NoteAsync(connection, item, $"window:{item.Id}",
                "ℹ️ Esta mensagem não foi enviada: o condutor não escreve há mais de 24 horas e o WhatsApp (Cloud API) só aceita, fora dessa janela, modelos aprovados; não há modelo configurado para ela. Espere que o condutor escreva ou contacte-o por outro meio.", ct);
        }
    }

    private async Task GiveUpAsync(NpgsqlConnection connection, OutboxItem item, string error, CancellationToken ct)
    {
        LogDead(item.Id, error);
        await OutboxStore.MarkDeadAsync(connection, item.Id, error, ct);
        if (item.ChatwootConversationId is not { } conversation)
        {
            return;
        }

        var attempt = item.Attempts + 1;
        await NoteAsync(connection, item, $"dead:{item.Id}:{attempt}",
            $"⚠️ Esta mensagem não chegou ao WhatsApp do condutor: {error}. Pode reenviá-la na consola (cartas mortas).", ct);
        if (item.ChatwootMessageId is { } message)
        {
            await OutboxStore.InsertAsync(connection, null, new OutboxEntry($"failed:{item.Id}:{attempt}", item.WaChatId,
                OutboxKinds.ChatwootMessageStatus, new OutboxPayload { Status = "failed", Text = error })
            {
                Lane = OutboxLanes.Chatwoot,
                ChatwootConversationId = (int)conversation,
                ChatwootMessageId = (int)message,
            }, ct);
        }
    }

    /// <summary>A private note for the agents, through the chat's Chatwoot lane, once per <paramref name="key"/>.</summary>
    private async Task NoteAsync(NpgsqlConnection connection, OutboxItem item, string key, string text, CancellationToken ct)
    {
        await OutboxStore.InsertAsync(connection, null, new OutboxEntry("note:" + key, item.WaChatId, OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text, Private = true, SourceId = "onboarding:note:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = (int?)item.ChatwootConversationId,
        }, ct);
        signal.Wake();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} not sent ({Outcome}): {Error}; will retry")]
    private partial void LogRetry(long id, WppSendOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id} is a dead letter: {Error}")]
    private partial void LogDead(long id, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} not sent: outside the 24-hour window and no template")]
    private partial void LogWindowClosed(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} ({Kind}) dropped: its Chatwoot message no longer exists ({Error})")]
    private partial void LogDropped(long id, string kind, string error);
}
