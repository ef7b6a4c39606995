using System.Text.Json;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Outbound.Intake;

/// <summary>
/// Turns an agent's Chatwoot message into outbox rows (text, then one per attachment), once per Chatwoot message.
/// Echoes of what we posted, incoming messages, private notes and bot messages are ignored.
/// </summary>
public sealed class ChatwootWebhookIntake(OutboxStore outbox, ContactDirectory contacts, IAgentActivity agents, BridgeSignal signal)
{
    public async Task<IntakeResult> AcceptAsync(JsonElement body, CancellationToken ct)
    {
        var payload = WebhookFields.Unwrap(body);
        var name = Str(payload, "event");
        if (name is "conversation_status_changed" or "conversation_resolved" or "conversation_updated")
        {
            return await agents.StatusChangedAsync(payload, ct) ? IntakeResult.Recorded : IntakeResult.Ignored;
        }

        if (name != "message_created")
        {
            return IntakeResult.Ignored;
        }

        if (!Outgoing(payload)
            || WebhookFields.Flag(payload, "private")
            || Str(payload, "source_id") is { Length: > 0 }
            || (payload.TryGetProperty("sender", out var sender) && Str(sender, "type") is "agent_bot")
            || Int(payload, "id") is not { } messageId
            || Int(payload, "conversation") is not { } conversationId)
        {
            // Messages we created carry a source_id; agents' replies have none.
            return IntakeResult.Ignored;
        }

        if (await contacts.ChatOfConversationAsync(conversationId, ct) is not { } chat)
        {
            return IntakeResult.Ignored;
        }

        var entries = new List<OutboxEntry>();
        var content = Str(payload, "content");
        if (!string.IsNullOrWhiteSpace(content))
        {
            entries.Add(new OutboxEntry($"cw:{messageId}", chat, OutboxKinds.Text, new OutboxPayload { Text = content })
            {
                Class = MessageClasses.Reply,
                ChatwootConversationId = conversationId,
                ChatwootMessageId = messageId,
            });
        }

        if (payload.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            var n = 0;
            foreach (var a in attachments.EnumerateArray())
            {
                if (Str(a, "data_url") is not { Length: > 0 } url)
                {
                    continue;
                }

                var file = new OutboxPayload { FileUrl = url, FileName = FileNameOf(url), ContentType = null };
                entries.Add(new OutboxEntry($"cw:{messageId}:{n++}", chat, OutboxKinds.File, file)
                {
                    Class = MessageClasses.Reply,
                    ChatwootConversationId = conversationId,
                    ChatwootMessageId = messageId,
                });
            }
        }

        // The text and every attachment in one transaction: all or none, so a failure leaves nothing half-sent.
        var recorded = await outbox.EnqueueAsync(entries, ct) > 0;
        if (recorded)
        {
            // An agent writing in a bot conversation takes it over.
            await agents.AgentSpokeAsync(conversationId, ct);
            signal.Wake();
        }

        return recorded ? IntakeResult.Recorded : IntakeResult.Duplicate;
    }

    private static int? Int(JsonElement e, string name) => WebhookFields.Int(e, name);

    private static string? Str(JsonElement e, string name) => WebhookFields.Str(e, name);

    /// <summary><c>"outgoing"</c> in webhook bodies; the REST shape's <c>1</c> when a relay forwards that instead.</summary>
    private static bool Outgoing(JsonElement payload) =>
        Str(payload, "message_type") == "outgoing"
        || (payload.TryGetProperty("message_type", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var n) && n == 1);

    private static string FileNameOf(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        var name = Uri.UnescapeDataString(path.Split('/').LastOrDefault() ?? "");
        return string.IsNullOrWhiteSpace(name) ? "ficheiro" : name;
    }
}
