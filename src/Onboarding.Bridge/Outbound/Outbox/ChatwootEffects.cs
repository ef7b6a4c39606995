using Onboarding.Bridge.Clients.Chatwoot;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// Applies a Chatwoot-lane outbox row. Each is safe to repeat: status, team and labels are set (not toggled), and a
/// message that a previous attempt may have created is looked up by its source id before it is created again.
/// </summary>
public sealed class ChatwootEffects(ChatwootClient chatwoot)
{
    public async Task ApplyAsync(OutboxItem item, OutboxPayload payload, CancellationToken ct)
    {
        if (item.Kind == OutboxKinds.ChatwootDeleteContact)
        {
            // Already gone (a repeat, or deleted by hand) is done too.
            await chatwoot.DeleteContactAsync(payload.ContactId ?? throw new InvalidOperationException($"Outbox {item.Id} has no contact."), ct);
            return;
        }

        var conversation = (int)(item.ChatwootConversationId ?? throw new InvalidOperationException($"Outbox {item.Id} has no Chatwoot conversation."));
        switch (item.Kind)
        {
            case OutboxKinds.ChatwootMessage:
                if (item.Attempts > 1 && payload.SourceId is { } sourceId
                    && await chatwoot.FindRecentMessageBySourceIdAsync(conversation, sourceId, ct) is not null)
                {
                    return;
                }

                var text = payload.Text ?? "";
                var message = payload.Private
                    ? ChatwootNewMessage.PrivateNote(text, payload.SourceId)
                    : ChatwootNewMessage.Outgoing(text, payload.SourceId ?? "onboarding:" + item.DedupeKey);
                await chatwoot.CreateMessageAsync(conversation, message, ct);
                return;
            case OutboxKinds.ChatwootStatus:
                await chatwoot.SetStatusAsync(conversation, payload.Status ?? "open", ct);
                return;
            case OutboxKinds.ChatwootTeam:
                await chatwoot.AssignTeamAsync(conversation, payload.TeamId, ct);
                return;
            case OutboxKinds.ChatwootLabels:
                await chatwoot.AddLabelsAsync(conversation, payload.Labels ?? [], ct);
                return;
            case OutboxKinds.ChatwootMessageStatus when item.ChatwootMessageId is { } id:
                await chatwoot.UpdateMessageStatusAsync(conversation, (int)id, payload.Status ?? "delivered", payload.Text, ct);
                return;
            default:
                throw new InvalidOperationException($"Outbox {item.Id}: unknown Chatwoot action '{item.Kind}'.");
        }
    }
}
