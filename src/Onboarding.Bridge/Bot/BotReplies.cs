using Npgsql;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Bot;

/// <summary>
/// Puts a bot turn in the outbox: each output on the WhatsApp lane (typing first), and each text or medium mirrored
/// on the Chatwoot lane as an outgoing message tagged as ours, so agents see the whole bot conversation and the
/// mirror's webhook echo is not sent back to WhatsApp. Keys are <c>bot:{session}:{n}</c>, so a replay adds nothing.
/// </summary>
public static class BotReplies
{
    /// <summary>
    /// Enqueues the outputs numbered from <paramref name="next"/>; returns the next free number. The text that carries
    /// <paramref name="choice"/>'s menu also carries its options, for a transport with native buttons (docs/0042).
    /// </summary>
    public static async Task<int> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BotConversation conversation,
        string sessionId, int next, IReadOnlyList<BotOutput> outputs, CancellationToken ct, BotChoice? choice = null)
    {
        for (var index = 0; index < outputs.Count; index++)
        {
            var output = outputs[index];
            var key = $"bot:{sessionId}:{next++}";
            var options = choice?.OutputIndex == index ? choice : null;
            var (send, mirror) = output switch
            {
                BotText text => (new OutboxEntry(key, conversation.WaChatId, OutboxKinds.Text, new OutboxPayload
                {
                    Text = text.Text,
                    Typing = true,
                    Choices = options?.Labels,
                    ChoiceBody = options?.Question,
                    Language = conversation.Language,
                }), text.Text),
                BotMedia media => (new OutboxEntry(key, conversation.WaChatId, OutboxKinds.File, new OutboxPayload
                {
                    FileUrl = media.Url.AbsoluteUri,
                    FileName = FileNameOf(media.Url),
                    Text = media.Caption,
                    Typing = true,
                }), string.IsNullOrWhiteSpace(media.Caption) ? media.Url.AbsoluteUri : media.Caption + "\n" + media.Url.AbsoluteUri),
                BotPause pause => (new OutboxEntry(key, conversation.WaChatId, OutboxKinds.Pause, new OutboxPayload { PauseMs = (int)pause.Duration.TotalMilliseconds }), null),
                _ => throw new InvalidOperationException($"Unknown bot output {output.GetType().Name}."),
            };
            await OutboxStore.InsertAsync(connection, transaction, send with { Class = MessageClasses.Reply, ChatwootConversationId = (int)conversation.ChatwootConversationId }, ct);
            if (mirror is not null)
            {
                await OutboxStore.InsertAsync(connection, transaction, new OutboxEntry(key + ":cw", conversation.WaChatId, OutboxKinds.ChatwootMessage,
                    new OutboxPayload { Text = mirror, SourceId = "onboarding:" + key })
                {
                    Lane = OutboxLanes.Chatwoot,
                    ChatwootConversationId = (int)conversation.ChatwootConversationId,
                }, ct);
            }
        }

        return next;
    }

    private static string FileNameOf(Uri url)
    {
        var name = Uri.UnescapeDataString(url.AbsolutePath.Split('/').LastOrDefault() ?? "");
        return string.IsNullOrWhiteSpace(name) ? "ficheiro" : name;
    }
}
