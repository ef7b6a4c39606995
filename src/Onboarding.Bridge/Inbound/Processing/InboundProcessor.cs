using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Intake;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// Mirrors ledger rows into Chatwoot, one chat at a time and in WhatsApp order. Any replica may run it: a chat is
/// drained by whoever takes its advisory lock, and each step can be replayed without duplicating.
/// </summary>
public sealed partial class InboundProcessor(
    NpgsqlDataSource dataSource,
    InboundLedger ledger,
    ContactDirectory contacts,
    IMessageRouter router,
    ChatwootClient chatwoot,
    InboundMedia media,
    OrderPeek peek,
    ReferenceNotes references,
    WppConnectTokenSource tokens,
    IOptions<BridgeOptions> options,
    CatchUpGate gate,
    BridgeSignal signal,
    TimeProvider clock,
    ILogger<InboundProcessor> logger)
{
    /// <summary>How long Meta retries a webhook delivery (developers.facebook.com/docs/graph-api/webhooks/getting-started).</summary>
    private static readonly TimeSpan MetaRetryPeriod = TimeSpan.FromDays(7);

    private readonly ChatDrain<string> _chats = new(dataSource, chat => "inbound:" + chat, signal, logger);

    /// <summary>Chats being drained right now on this replica.</summary>
    public int Running => _chats.Running;

    /// <summary>Processes every chat with due work; returns how many rows reached a final state.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct) =>
        gate.IsOpen ? await _chats.RunAsync(await ledger.DueChatsAsync(500, ct), options.Value.Parallelism, DrainChatAsync, ct) : 0;

    private async Task<int> DrainChatAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct)
    {
        var finished = 0;
        var peeked = new HashSet<long>();
        while (await InboundLedger.HeadAsync(connection, waChatId, ct) is { } row)
        {
            if (peek.Wants(row) && peeked.Add(row.Id))
            {
                // An earlier message whose webhook is still on its way may now be recorded ahead of this one.
                await peek.PlaceAsync(row, ct);
                continue;
            }

            if (!await ProcessAsync(connection, row, ct))
            {
                break;
            }

            finished++;
        }

        return finished;
    }

    /// <summary>True when the row reached a final state; false when it was scheduled for a retry.</summary>
    private async Task<bool> ProcessAsync(NpgsqlConnection connection, LedgerRow row, CancellationToken ct)
    {
        WppMessage message;
        try
        {
            message = JsonSerializer.Deserialize<WppMessage>(row.Payload, WppConnectJson.Options) ?? new WppMessage();
        }
        catch (JsonException)
        {
            await SkipAsync(connection, row.Id, "unreadable", ct);
            return true;
        }

        if (SkipReason(row, message) is { } reason)
        {
            await SkipAsync(connection, row.Id, reason, ct);
            return true;
        }

        if (InboundMedia.AwaitsWebhook(row, message))
        {
            // Its webhook, a moment behind (the file is decrypted first), brings the file: keep the chat's place for it.
            await InboundLedger.PostponeAsync(connection, row.Id, TimeSpan.FromMilliseconds(500), ct);
            return false;
        }

        if (row.FromMe && await SendInFlightAsync(connection, row.WaChatId, ct))
        {
            // Our own send to this chat has not recorded its WhatsApp id yet: wait, so its echo is recognised.
            await InboundLedger.MarkRetryAsync(connection, row.Id, "waiting for an outbox send to settle", TimeSpan.FromSeconds(1), giveUp: false, ct);
            return false;
        }

        if (row.FromMe && await SentByUsAsync(connection, row.WaMessageId, ct))
        {
            await SkipAsync(connection, row.Id, "echo", ct);
            return true;
        }

        try
        {
            var target = await contacts.EnsureAsync(row.WaChatId, SenderName(message), ct);
            if (ReferenceNotes.IsReference(message))
            {
                // A reaction or a deletion: a note for the agents, never a turn for the bot.
                var note = row.ChatwootMessageId ?? await MirrorAsync(connection, row, message, target.ChatwootConversationId, ct);
                await InboundLedger.MarkDoneAsync(connection, row.Id, note, ct);
                return true;
            }

            var mirrored = row.ChatwootMessageId ?? await MirrorAsync(connection, row, message, target.ChatwootConversationId, ct);
            if (await router.RouteAsync(connection, row, InboundContent.Text(message), target.ChatwootConversationId, ct) is { } wait)
            {
                await InboundLedger.PostponeAsync(connection, row.Id, wait, ct);
                return false;
            }

            await InboundLedger.MarkDoneAsync(connection, row.Id, mirrored, ct);
            if (row.ChatwootMessageId is null)
            {
                LogMirrored(row.Id, target.ChatwootConversationId);
            }

            return true;
        }
        catch (Exception e) when (!RowFailure.IsInfrastructure(e, ct))
        {
            return await FailAsync(connection, row, message, RowFailure.Classify(e), ct);
        }
    }

    /// <summary>Posts the message into the conversation once; returns the Chatwoot message id.</summary>
    private async Task<long> MirrorAsync(NpgsqlConnection connection, LedgerRow row, WppMessage message, int conversationId, CancellationToken ct)
    {
        var sourceId = "wa:" + row.WaMessageId;
        if (row.Attempts > 0 && await chatwoot.FindRecentMessageBySourceIdAsync(conversationId, sourceId, ct) is { } already)
        {
            // A previous attempt posted it and stopped before recording that: do not post twice.
            await InboundLedger.MarkMirroredAsync(connection, row.Id, already.Id, ct);
            return already.Id;
        }

        await InboundLedger.MarkAttemptAsync(connection, row.Id, row.Attempts + 1, ct);
        var outgoing = ReferenceNotes.IsReference(message)
            ? ChatwootNewMessage.PrivateNote(await references.DescribeAsync(connection, message, ct), sourceId)
            : await LateArrival.MarkAsync(connection, row, await BuildAsync(message, row.FromMe, sourceId, row.Attempts + 1, ct), ct);
        var posted = await chatwoot.CreateMessageAsync(conversationId, outgoing, ct);
        await InboundLedger.MarkMirroredAsync(connection, row.Id, posted.Id, ct);
        BridgeMetrics.Mirrored(clock.GetUtcNow().UtcDateTime - row.ReceivedAt);
        return posted.Id;
    }

    private string? SkipReason(LedgerRow row, WppMessage message)
    {
        var chat = row.WaChatId;
        if (chat.EndsWith("@g.us", StringComparison.Ordinal))
        {
            return "group";
        }

        if (chat.EndsWith("@broadcast", StringComparison.Ordinal))
        {
            return "broadcast";
        }

        if (chat.EndsWith("@newsletter", StringComparison.Ordinal))
        {
            return "newsletter";
        }

        if (InboundContent.IsSilent(message))
        {
            return "system";
        }

        // Meta retries a Cloud API delivery for up to 7 days: what it brings late was never seen, not history.
        var horizon = row.ReceivedVia == CloudApiMessages.Via && options.Value.Horizon < MetaRetryPeriod ? MetaRetryPeriod : options.Value.Horizon;
        return row.ReceivedAt - row.WaTimestamp > horizon ? "too_old" : null;
    }

    private async Task<ChatwootNewMessage> BuildAsync(WppMessage message, bool fromMe, string sourceId, int attempt, CancellationToken ct)
    {
        var text = InboundContent.Text(message);
        IReadOnlyList<ChatwootUpload> attachments = [];
        if (InboundContent.IsMedia(message))
        {
            if (message.Size > InboundContent.MaxAttachmentBytes)
            {
                text = InboundContent.Placeholder(message, "maior do que 40 MB");
            }
            else if (await media.ResolveAsync(message, attempt, ct) is { } file)
            {
                attachments = [new ChatwootUpload(file.Content, InboundContent.FileName(message, file.MimeType), file.MimeType)];
            }
            else
            {
                text = InboundContent.Placeholder(message, "o ficheiro não veio com a mensagem e o WhatsApp já não o tem");
            }
        }

        var content = string.IsNullOrEmpty(text) && attachments.Count == 0 ? "[mensagem vazia]" : text;
        return fromMe ? ChatwootNewMessage.Outgoing(content, sourceId) with { Attachments = attachments }
            : ChatwootNewMessage.Incoming(content, sourceId) with { Attachments = attachments };
    }

    /// <summary>The name the driver gave WhatsApp: <c>notifyName</c> is often "" while <c>sender.pushname</c> has it.</summary>
    private static string? SenderName(WppMessage message) =>
        new[] { message.NotifyName, message.Sender?.Pushname }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    private static Task SkipAsync(NpgsqlConnection connection, long id, string reason, CancellationToken ct)
    {
        BridgeMetrics.SkippedInbound(reason);
        return InboundLedger.MarkSkippedAsync(connection, id, reason, ct);
    }

    private static Task<bool> SentByUsAsync(NpgsqlConnection connection, string waMessageId, CancellationToken ct) =>
        OutboxStore.SentByUsAsync(connection, waMessageId, ct);

    private static Task<bool> SendInFlightAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        OutboxStore.SendInFlightAsync(connection, waChatId, ct);

    private static Task<int?> ConversationOfAsync(NpgsqlConnection connection, string waChatId, CancellationToken ct) =>
        ContactDirectory.LatestConversationAsync(connection, waChatId, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {Row} mirrored into Chatwoot conversation {Conversation}")]
    private partial void LogMirrored(long row, long conversation);
}
