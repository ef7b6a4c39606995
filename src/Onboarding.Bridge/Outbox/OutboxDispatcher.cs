using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Hosting;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Outbox;

/// <summary>
/// Sends outbox rows to WhatsApp per chat, in order, paced; retries what certainly failed with backoff, checks before
/// resending what may have gone out, and turns what cannot be sent into a dead letter that agents see in Chatwoot.
/// What the agents are told (a dead letter, a late delivery) is itself a Chatwoot-lane row of the same chat, written in
/// the transaction that records the outcome, under a key that the outcome fixes: told once, however often it is retried.
/// </summary>
public sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    OutboxStore store,
    WppConnectClient wpp,
    ChatwootEffects effects,
    DeliveryReceipts receipts,
    IHttpClientFactory httpClients,
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
        while (await OutboxStore.HeadAsync(connection, lane, ct) is { } item)
        {
            if (finished > 0 && lane.Lane == OutboxLanes.WhatsApp)
            {
                await Task.Delay(options.Value.PerChatGap, clock, ct);
            }

            if (!await DispatchAsync(connection, item, ct))
            {
                break;
            }

            finished++;
        }

        return finished;
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

        if (item.State == "sending" && await AlreadyOnWhatsAppAsync(item, payload, ct) is { } found)
        {
            // The previous attempt's fate was unknown and the message is there: record it instead of sending again.
            await OutboxStore.MarkSentAsync(connection, item.Id, found, ct);
            return true;
        }

        await OutboxStore.MarkSendingAsync(connection, item.Id, ct);
        WppSendResult result;
        try
        {
            result = await SendAsync(item, payload, ct);
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            result = new WppSendResult(WppSendOutcome.NotSent, null, null, null, e.Message);
        }

        var age = clock.GetUtcNow().UtcDateTime - item.CreatedAt;
        switch (result.Outcome)
        {
            case WppSendOutcome.Sent:
                await SentAsync(connection, item, result.MessageId, ct);
                if (result.MessageId is { } sentId)
                {
                    await receipts.MatchAsync(connection, sentId, ct);
                }

                BridgeMetrics.Sent(clock.GetUtcNow().UtcDateTime - item.CreatedAt);
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

    /// <summary>A Chatwoot-lane row: applied, retried with backoff while Chatwoot fails, given up after the budget.</summary>
    private async Task<bool> ApplyChatwootAsync(NpgsqlConnection connection, OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        await OutboxStore.MarkSendingAsync(connection, item.Id, ct);
        try
        {
            await effects.ApplyAsync(item with { Attempts = item.Attempts + 1 }, payload, ct);
            await OutboxStore.MarkSentAsync(connection, item.Id, null, ct);
            return true;
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            var permanent = e is InvalidOperationException || (e is UpstreamException { IsTransient: false });
            if (permanent || clock.GetUtcNow().UtcDateTime - item.CreatedAt > options.Value.RetryBudget)
            {
                LogDead(item.Id, e.Message);
                await OutboxStore.MarkDeadAsync(connection, item.Id, e.Message, ct);
                return true;
            }

            BridgeMetrics.Retried("chatwoot");
            await OutboxStore.MarkRetryAsync(connection, item.Id, e.Message, (e as UpstreamException)?.RetryAfter ?? options.Value.Backoff(item.Attempts + 1), ct);
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
            using var http = httpClients.CreateClient("outbox-files");
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new WppSendResult(UpstreamException.IsTransientStatus(response.StatusCode) ? WppSendOutcome.NotSent : WppSendOutcome.Rejected,
                    null, null, response.StatusCode, $"attachment download failed with HTTP {(int)response.StatusCode}");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var type = payload.ContentType ?? response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var name = payload.FileName ?? "ficheiro";
            return type.StartsWith("image/", StringComparison.Ordinal)
                ? await wpp.SendImageAsync(item.WaChatId, bytes, type, name, payload.Text, ct)
                : await wpp.SendFileAsync(item.WaChatId, bytes, type, name, payload.Text, ct);
        }

        return await wpp.SendTextAsync(item.WaChatId, payload.Text ?? "", ct);
    }

    private async Task TypingAsync(string chat, CancellationToken ct)
    {
        try
        {
            await wpp.SetTypingAsync(chat, true, ct);
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException)
        {
            // Presence is a courtesy: the message goes out without it.
        }
    }

    private async Task<string?> AlreadyOnWhatsAppAsync(OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        try
        {
            var recent = await wpp.GetMessagesAsync(item.WaChatId, 30, ct: ct);
            var since = new DateTimeOffset(item.CreatedAt).ToUnixTimeSeconds() - 5;
            return recent.LastOrDefault(m => m.FromMe && m.Time >= since
                && (payload.Text is null ? m.Type != "chat" : m.Body == payload.Text || m.Caption == payload.Text))?.Id;
        }
        catch (UpstreamException)
        {
            return null;
        }
    }

    /// <summary>Records the send; after failed attempts, with a note that tells the agents it went out in the end.</summary>
    private static async Task SentAsync(NpgsqlConnection connection, OutboxItem item, string? waMessageId, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await OutboxStore.MarkSentAsync(connection, transaction, item.Id, waMessageId, ct);
        if (item.Attempts > 0 && item.ChatwootConversationId is { } conversation)
        {
            // A row is sent once: its id alone fixes the note.
            await OutboxStore.InsertAsync(connection, transaction, AgentNotes.Note(item, (int)conversation, $"recovered:{item.Id}",
                $"✅ Mensagem entregue ao WhatsApp após {item.Attempts + 1} tentativas."), ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Makes the row a dead letter and, in the same transaction, tells the agents: a note, and the agent's message
    /// marked failed. A dead letter retried from the console may die again: its attempts so far tell the deaths apart.
    /// </summary>
    private async Task GiveUpAsync(NpgsqlConnection connection, OutboxItem item, string error, CancellationToken ct)
    {
        LogDead(item.Id, error);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await OutboxStore.MarkDeadAsync(connection, transaction, item.Id, error, ct);
        if (item.ChatwootConversationId is { } conversation)
        {
            var death = $"{item.Id}:{item.Attempts + 1}";
            await OutboxStore.InsertAsync(connection, transaction, AgentNotes.Note(item, (int)conversation, $"deadnote:{death}",
                $"⚠️ Esta mensagem não chegou ao WhatsApp do condutor: {error}. Pode reenviá-la na consola (cartas mortas)."), ct);
            if (item.ChatwootMessageId is { } message)
            {
                await OutboxStore.InsertAsync(connection, transaction, AgentNotes.Failed(item, (int)conversation, (int)message, $"deadstatus:{death}", error), ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} not sent ({Outcome}): {Error}; will retry")]
    private partial void LogRetry(long id, WppSendOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id} is a dead letter: {Error}")]
    private partial void LogDead(long id, string error);
}
