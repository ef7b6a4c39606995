using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Applications;

namespace Onboarding.Bridge.Bot;

/// <summary>
/// Gives a conversation to the agents exactly once per episode: the mode changes only if it was not already
/// <c>human</c>, and in the same transaction the outbox gets the note, the status <c>open</c>, the team and the labels.
/// </summary>
public sealed class Handoff(IOptions<TypebotOptions> typebot, IOptions<ChatwootOptions> chatwoot, IOptions<BridgeOptions> bridge)
{
    /// <summary>True when this call handed it over (false: agents already had it).</summary>
    public async Task<bool> ToAgentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BotConversation conversation,
        string reason, string? detail, CancellationToken ct)
    {
        if (await ContactDirectory.TakeHandoffAsync(connection, transaction, conversation.Id, reason, ct) is not { } episode)
        {
            return false;
        }

        await ApplicationProgress.HandedOffAsync(connection, transaction, conversation.ContactId, ct);
        var key = $"handoff:{conversation.ChatwootConversationId}:{episode}";
        var note = await HandoffSummary.BuildAsync(connection, transaction, conversation, reason, detail, bridge.Value.PublicUrl, ct);
        var effects = new List<OutboxEntry>
        {
            Chatwoot(key + ":note", conversation, OutboxKinds.ChatwootMessage, new OutboxPayload { Text = note, Private = true, SourceId = "onboarding:" + key }),
            Chatwoot(key + ":status", conversation, OutboxKinds.ChatwootStatus, new OutboxPayload { Status = "open" }),
        };
        if (chatwoot.Value.TeamId is { } team)
        {
            effects.Add(Chatwoot(key + ":team", conversation, OutboxKinds.ChatwootTeam, new OutboxPayload { TeamId = team }));
        }

        if (chatwoot.Value.Labels.Count > 0)
        {
            effects.Add(Chatwoot(key + ":labels", conversation, OutboxKinds.ChatwootLabels, new OutboxPayload { Labels = [.. chatwoot.Value.Labels] }));
        }

        var driverLine = BotPhrases.For(conversation.Language, typebot.Value).HandoffMessage;
        if (reason is HandoffReasons.Keyword or HandoffReasons.BotFailure && !string.IsNullOrWhiteSpace(driverLine))
        {
            effects.Add(new OutboxEntry(key + ":driver", conversation.WaChatId, OutboxKinds.Text, new OutboxPayload { Text = driverLine, Typing = true })
            {
                Class = MessageClasses.Reply,
                ChatwootConversationId = (int)conversation.ChatwootConversationId,
            });
            effects.Add(Chatwoot(key + ":driver-mirror", conversation, OutboxKinds.ChatwootMessage,
                new OutboxPayload { Text = driverLine, SourceId = "onboarding:" + key + ":driver" }));
        }

        foreach (var effect in effects)
        {
            await OutboxStore.InsertAsync(connection, transaction, effect, ct);
        }

        BridgeMetrics.HandedOff(reason);
        return true;
    }

    private static OutboxEntry Chatwoot(string key, BotConversation conversation, string kind, OutboxPayload payload) =>
        new(key, conversation.WaChatId, kind, payload) { Lane = OutboxLanes.Chatwoot, ChatwootConversationId = (int)conversation.ChatwootConversationId };
}
