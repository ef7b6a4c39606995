using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Applications;

namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>
/// Reminds drivers whose bot session waits at a question (docs/0040): one query finds the chats due, and each nudge is
/// a service notice in the outbox (so the governor's budgets, no-cold rule and pauses apply), mirrored into Chatwoot,
/// under the key <c>nudge:{conversation}:{session}:{turn}:{n}</c> and counted on the conversation in the same
/// transaction, so a second run, on this replica or another, adds nothing.
/// </summary>
public sealed partial class Nudger(
    NpgsqlDataSource dataSource,
    NudgeSchedule schedule,
    QuestionGroups questions,
    NudgeClock clock,
    BridgeSignal signal,
    IOptions<NudgeOptions> options,
    IOptions<TypebotOptions> bot,
    ILogger<Nudger> logger)
{
    /// <summary>Sends the nudges due now; returns how many were enqueued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || !bot.Value.Enabled)
        {
            return 0;
        }

        var now = clock.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var waiting = await ContactDirectory.AwaitingNudgeAsync(connection, now - o.FirstAfter, now - o.LastWithin, o.MaxCount, o.BatchSize, ct);
        var sent = 0;
        foreach (var conversation in waiting)
        {
            if (schedule.Due(conversation.Nudges, now - conversation.InputSince!.Value) is not { } number)
            {
                continue;
            }

            try
            {
                if (await NudgeAsync(connection, conversation, number, now, ct))
                {
                    sent++;
                    LogNudged(conversation.ChatwootConversationId, number);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One chat's failure (a constraint, a dropped connection) must not keep the others from their nudge.
                LogNudgeFailed(conversation.ChatwootConversationId, e.Message);
            }
        }

        if (sent > 0)
        {
            signal.Wake();
        }

        return sent;
    }

    private async Task<bool> NudgeAsync(NpgsqlConnection connection, BotConversation conversation, int number, DateTime now, CancellationToken ct)
    {
        var session = conversation.TypebotSessionId!;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await ContactDirectory.TakeNudgeAsync(connection, transaction, conversation.Id, session, conversation.InputSince!.Value, number, now, ct))
        {
            return false;
        }

        var text = NudgeTexts.Nudge(bot.Value, conversation.Language, questions.Of(conversation.Input?.Id)?.Title);
        var key = $"nudge:{conversation.Id}:{session}:{conversation.BotTurns}:{number}";
        var chatwoot = (int)conversation.ChatwootConversationId;
        var added = await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key, conversation.WaChatId, OutboxKinds.Text,
            new OutboxPayload
            {
                Text = text,
                Typing = true,
                // Over the Cloud API a nudge held past the 24-hour window goes as the nudge template (docs/0043).
                Purpose = TemplatePurposes.Nudge,
                Language = conversation.Language,
                Values = new Dictionary<string, string> { ["name"] = conversation.DisplayName ?? "", ["text"] = text },
            })
        {
            Class = MessageClasses.ServiceNotice,
            ChatwootConversationId = chatwoot,
        }, ct);
        await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key + ":cw", conversation.WaChatId, OutboxKinds.ChatwootMessage,
            new OutboxPayload { Text = text, SourceId = "onboarding:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = chatwoot,
        }, ct);
        // The funnel counts the application as recovered when the driver writes again (docs/0037).
        await ApplicationProgress.NudgeSentAsync(connection, transaction, conversation.ContactId, ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Conversation} nudged ({Number})")]
    private partial void LogNudged(long conversation, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge for conversation {Conversation} failed: {Error}")]
    private partial void LogNudgeFailed(long conversation, string error);
}
