using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Applications;
using Onboarding.Data.Documents;

namespace Onboarding.Bridge.Bot;

/// <summary>
/// Decides who answers a driver's message (DESIGN §3.3): nobody yet (<c>closed</c>: start the bot), the bot
/// (<c>bot</c>: continue its Typebot session), or the agents (<c>human</c>: nothing to do, Chatwoot has it). Runs on
/// the chat's drain connection after the message is mirrored, so a chat is routed by one worker at a time, in order.
/// </summary>
public sealed partial class ConversationRouter(
    IServiceProvider services,
    BotBursts bursts,
    Handoff handoff,
    NudgeSchedule nudges,
    QuestionGroups questions,
    NudgeClock nudgeClock,
    IOptions<TypebotOptions> options,
    IOptions<NudgeOptions> nudgeOptions,
    IOptions<BridgeOptions> bridge,
    TimeProvider clock,
    ILogger<ConversationRouter> logger) : IMessageRouter
{
    private TypebotOptions Bot => options.Value;

    /// <summary>Routes the message; returns a delay when it must wait (a burst still arriving, a bot call to retry).</summary>
    public async Task<TimeSpan?> RouteAsync(NpgsqlConnection connection, LedgerRow row, string? text, long chatwootConversationId, CancellationToken ct)
    {
        if (!Bot.Enabled || row.FromMe || row.RoutedAt is not null
            || await ContactDirectory.FindConversationAsync(connection, chatwootConversationId, ct) is not { } conversation)
        {
            return null;
        }

        if (Keywords.Matches(text, nudgeOptions.Value.StopKeywords))
        {
            await StopNudgesAsync(connection, conversation, row.Id, ct);
            return null;
        }

        var flows = Bot.FlowsOrDefault;
        if (flows.Count > 1 && conversation.Mode != ConversationModes.Human && LanguageChoice.Named(text, flows) is { } named)
        {
            // "English" at any point: remembered, and the flow starts again in that language.
            await ContactDirectory.SetLanguageAsync(connection, conversation.ContactId, named.Language, ct);
            return await StartAsync(connection, conversation with { Language = named.Language }, [row.Id], row.ReceivedAt, ct);
        }

        // "documentos": a registered driver goes straight to their first missing document, whoever held the chat.
        if (Keywords.Matches(text, Bot.DocumentKeywords) && await BotDrivers.FindAsync(connection, conversation.PhoneE164, ct) is not null)
        {
            return await StartAsync(connection, conversation, [row.Id], row.ReceivedAt, ct, BotDrivers.ResumeAtDocuments);
        }

        var reset = Keywords.Matches(text, Bot.ResetKeywords);
        switch (conversation.Mode)
        {
            case ConversationModes.Human:
                return null;
            case ConversationModes.Closed:
                return flows.Count > 1 && conversation.Language is null && !await IsApprovedAsync(connection, conversation, ct)
                    ? await AskLanguageAsync(connection, conversation, row, ct)
                    : await StartAsync(connection, conversation, [row.Id], row.ReceivedAt, ct);
            default:
                if (Keywords.Matches(text, Bot.HandoffKeywords))
                {
                    await HandOffAsync(connection, conversation, [row.Id], HandoffReasons.Keyword, null, ct);
                    return null;
                }

                if (conversation.AwaitingLanguage)
                {
                    if (LanguageChoice.Answer(text, flows) is not { } chosen)
                    {
                        return await AskLanguageAsync(connection, conversation, row, ct);
                    }

                    await ContactDirectory.SetLanguageAsync(connection, conversation.ContactId, chosen.Language, ct);
                    return await StartAsync(connection, conversation with { Language = chosen.Language }, [row.Id], row.ReceivedAt, ct);
                }

                var idle = nudges.Expired(conversation, nudgeClock.UtcNow);
                return reset || idle || conversation.TypebotSessionId is null
                    ? await StartAsync(connection, conversation, [row.Id], row.ReceivedAt, ct)
                    : await ContinueAsync(connection, conversation, row, ct);
        }
    }

    /// <summary>Asks which language (a numbered list of the configured flows), as the bot, before any flow starts.</summary>
    private async Task<TimeSpan?> AskLanguageAsync(NpgsqlConnection connection, BotConversation conversation, LedgerRow message, CancellationToken ct)
    {
        var row = message.Id;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ClaimAsync(connection, transaction, [row], ct);
        if (conversation.Mode == ConversationModes.Closed)
        {
            await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry($"botstart:lang:{row}", conversation.WaChatId,
                OutboxKinds.ChatwootStatus, new OutboxPayload { Status = "pending" })
            {
                Lane = OutboxLanes.Chatwoot,
                ChatwootConversationId = (int)conversation.ChatwootConversationId,
            }, ct);
        }

        await BotReplies.EnqueueAsync(connection, transaction, conversation, $"lang-{row}", 0,
            [new BotText(LanguageChoice.Question(Bot.LanguageQuestion, Bot.FlowsOrDefault))], ct);
        await ContactDirectory.AwaitLanguageAsync(connection, transaction, conversation.Id, ct);
        await ApplicationProgress.RecordTurnAsync(connection, transaction, new BotTurnProgress { ContactId = conversation.ContactId, At = clock.GetUtcNow().UtcDateTime, FirstMessageAt = message.ReceivedAt }, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    private static async Task<bool> IsApprovedAsync(NpgsqlConnection connection, BotConversation conversation, CancellationToken ct) =>
        (await BotDrivers.FindAsync(connection, conversation.PhoneE164, ct))?.Status == Data.Drivers.DriverStatus.Approved;

    /// <summary>
    /// "parar": no more nudges nor reminders for this contact, in any mode; the driver is told once and the word never
    /// reaches the flow as an answer. Status decisions still go (they answer the application).
    /// </summary>
    private async Task StopNudgesAsync(NpgsqlConnection connection, BotConversation conversation, long row, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ClaimAsync(connection, transaction, [row], ct);
        if (await ContactDirectory.StopNudgesAsync(connection, transaction, conversation.ContactId, nudgeClock.UtcNow, ct))
        {
            await BotReplies.EnqueueAsync(connection, transaction, conversation, $"stop-{conversation.ContactId}", 0,
                [new BotText(NudgeTexts.Stopped(Bot, conversation.Language))], ct);
            LogNudgesStopped(conversation.ChatwootConversationId);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task<TimeSpan?> StartAsync(NpgsqlConnection connection, BotConversation conversation, long[] rows, DateTime? firstMessageAt,
        CancellationToken ct, string? resumeAt = null)
    {
        var driver = await BotDrivers.FindAsync(connection, conversation.PhoneE164, ct);
        if (resumeAt is null && driver is not null && await DocumentStore.AwaitsResendAsync(connection, driver.Id, ct))
        {
            // Staff asked again for a document: the session starts straight at it.
            resumeAt = BotDrivers.ResumeAtDocuments;
        }

        if (resumeAt is null && conversation.Mode == ConversationModes.Closed && Bot.ApprovedDriversToAgents && driver?.Status == Data.Drivers.DriverStatus.Approved)
        {
            await HandOffAsync(connection, conversation, rows, HandoffReasons.ApprovedDriver, null, ct);
            return null;
        }

        TypebotTurn turn;
        try
        {
            turn = await Typebot.StartChatAsync(Bot.FlowFor(conversation.Language).PublicId, BotDrivers.Prefill(conversation, driver, Bot.OnboardingApiUrl ?? bridge.Value.PublicUrl, resumeAt), ct);
        }
        catch (Exception e) when (IsBotFailure(e, ct))
        {
            return await FailedAsync(connection, conversation, rows, e, ct);
        }

        await SaveAsync(connection, conversation, rows, turn, turn.SessionId ?? throw new InvalidOperationException("Typebot started a chat without a session id."), started: true, firstMessageAt, ct);
        return null;
    }

    private async Task<TimeSpan?> ContinueAsync(NpgsqlConnection connection, BotConversation conversation, LedgerRow row, CancellationToken ct)
    {
        var burst = await bursts.PendingAsync(connection, row.WaChatId, ct);
        var quiet = TimeSpan.FromMilliseconds(Bot.DebounceMs) - (clock.GetUtcNow().UtcDateTime - burst.NewestReceivedAt);
        if (quiet > TimeSpan.Zero)
        {
            return quiet;
        }

        var answer = bursts.Answer(conversation.Input, burst);
        TypebotTurn? turn;
        try
        {
            turn = await Typebot.ContinueChatAsync(conversation.TypebotSessionId!, answer, ct);
        }
        catch (Exception e) when (IsBotFailure(e, ct))
        {
            return await FailedAsync(connection, conversation, burst.RowIds, e, ct);
        }

        if (turn is null)
        {
            // The session ended or expired on Typebot's side: start a new one, as Typebot's docs advise, at the question
            // it waited on when the flow's groups are known (resume_at, which the flow's first group jumps on).
            LogSessionGone(conversation.ChatwootConversationId);
            return await StartAsync(connection, conversation with { Mode = ConversationModes.Bot }, burst.RowIds, null, ct, questions.Of(conversation.Input?.Id)?.Id);
        }

        await SaveAsync(connection, conversation, burst.RowIds, turn, conversation.TypebotSessionId!, started: false, firstMessageAt: null, ct);
        return null;
    }

    /// <summary>In one transaction: the messages claimed, the replies enqueued, the bot's state saved, the handoff if it ended.</summary>
    private async Task SaveAsync(NpgsqlConnection connection, BotConversation conversation, long[] rows, TypebotTurn turn, string sessionId,
        bool started, DateTime? firstMessageAt, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ClaimAsync(connection, transaction, rows, ct);
        if (started && conversation.Mode == ConversationModes.Closed)
        {
            await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry($"botstart:{sessionId}", conversation.WaChatId,
                OutboxKinds.ChatwootStatus, new OutboxPayload { Status = "pending" })
            {
                Lane = OutboxLanes.Chatwoot,
                ChatwootConversationId = (int)conversation.ChatwootConversationId,
            }, ct);
        }

        var outputs = WhatsAppRenderer.Render(turn, Bot.MaxWaitSeconds, BotPhrases.For(conversation.Language, Bot).MultipleChoiceHint);
        var next = await BotReplies.EnqueueAsync(connection, transaction, conversation, sessionId, started ? 0 : conversation.BotTurns,
            outputs, ct, WhatsAppRenderer.Choice(turn.Input, outputs));
        await ContactDirectory.SaveTurnAsync(connection, transaction, conversation.Id, sessionId, turn.Input, next, started, nudgeClock.UtcNow, ct);
        await ApplicationProgress.RecordTurnAsync(connection, transaction, Progress(conversation, turn, firstMessageAt, started), ct);
        var handedOff = turn.EndsFlow || turn.ClientSideActions.Any(a => a.ValueKind == System.Text.Json.JsonValueKind.Object && a.TryGetProperty("chatwoot", out _));
        if (handedOff)
        {
            await handoff.ToAgentsAsync(connection, transaction, conversation, HandoffReasons.FlowEnd, null, ct);
        }

        await transaction.CommitAsync(ct);
        LogBotAnswered(conversation.ChatwootConversationId, turn.Messages.Count);
        if (handedOff)
        {
            LogHandedOff(conversation.ChatwootConversationId, HandoffReasons.FlowEnd);
        }
    }

    /// <summary>What the funnel records of this turn (docs/0037): every turn answers a driver's message.</summary>
    private BotTurnProgress Progress(BotConversation conversation, TypebotTurn turn, DateTime? firstMessageAt, bool started)
    {
        var flow = Bot.FlowFor(conversation.Language);
        return new BotTurnProgress
        {
            ContactId = conversation.ContactId,
            At = clock.GetUtcNow().UtcDateTime,
            Language = string.IsNullOrEmpty(flow.Language) ? null : flow.Language,
            Flow = string.IsNullOrEmpty(flow.PublicId) ? null : flow.PublicId,
            FirstMessageAt = firstMessageAt,
            Started = started,
            Replied = true,
            AnsweredBlockId = started ? null : conversation.Input?.Id is { Length: > 0 } answered ? answered : null,
            ReachedBlockId = turn.Input?.Id is { Length: > 0 } reached ? reached : null,
        };
    }

    private async Task<TimeSpan?> FailedAsync(NpgsqlConnection connection, BotConversation conversation, long[] rows, Exception e, CancellationToken ct)
    {
        var failures = await ContactDirectory.CountFailureAsync(connection, conversation.Id, ct);
        LogBotFailed(conversation.ChatwootConversationId, failures, e.Message);
        if (failures < Bot.MaxFailures)
        {
            return (e as UpstreamException)?.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, failures - 1));
        }

        await HandOffAsync(connection, conversation, rows, HandoffReasons.BotFailure, e.Message, ct);
        return null;
    }

    private async Task HandOffAsync(NpgsqlConnection connection, BotConversation conversation, long[] rows, string reason, string? detail, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ClaimAsync(connection, transaction, rows, ct);
        await handoff.ToAgentsAsync(connection, transaction, conversation, reason, detail, ct);
        await transaction.CommitAsync(ct);
        LogHandedOff(conversation.ChatwootConversationId, reason);
    }

    private static Task ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] rows, CancellationToken ct) =>
        InboundLedger.MarkRoutedAsync(connection, transaction, rows, ct);

    private TypebotClient Typebot => services.GetRequiredService<TypebotClient>();

    private static bool IsBotFailure(Exception e, CancellationToken ct) =>
        e is UpstreamException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Typebot call for conversation {Conversation} failed ({Failures} in a row): {Error}")]
    private partial void LogBotFailed(long conversation, int failures, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Typebot session of conversation {Conversation} is gone; starting a new one")]
    private partial void LogSessionGone(long conversation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Conversation} asked for no more reminders")]
    private partial void LogNudgesStopped(long conversation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot answered conversation {Conversation} with {Messages} messages")]
    private partial void LogBotAnswered(long conversation, int messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Conversation} handed to agents ({Reason})")]
    private partial void LogHandedOff(long conversation, string reason);
}
