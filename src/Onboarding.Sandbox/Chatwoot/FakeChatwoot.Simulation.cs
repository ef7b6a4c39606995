using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Chatwoot;

public sealed partial class FakeChatwoot
{
    /// <summary>An agent replies in the dashboard: an outgoing message and a signed <c>message_created</c> webhook.</summary>
    public async Task<(CwMessage Message, WebhookDelivery? Delivery)> AgentReplyAsync(
        int conversationId, string? text, params (string FileName, string ContentType, byte[] Content)[] attachments)
    {
        var message = AddMessage(conversationId, text, "outgoing", isPrivate: false, sourceId: null, [], "User", AgentId, attachments);
        var delivery = await DeliverMessageEventAsync("message_created", message);
        return (message, delivery);
    }

    /// <summary>An agent writes a private note (delivered to webhooks too, with <c>private: true</c>).</summary>
    public async Task<(CwMessage Message, WebhookDelivery? Delivery)> AgentNoteAsync(int conversationId, string text)
    {
        var message = AddMessage(conversationId, text, "outgoing", isPrivate: true, sourceId: null, [], "User", AgentId, []);
        var delivery = await DeliverMessageEventAsync("message_created", message);
        return (message, delivery);
    }

    /// <summary>An agent resolves the conversation (<c>conversation_status_changed</c>).</summary>
    public Task<WebhookDelivery?> ResolveAsync(int conversationId) => ChangeStatusAsync(conversationId, "resolved");

    /// <summary>An agent sets a status (<c>open</c>, <c>pending</c>, <c>resolved</c>, <c>snoozed</c>).</summary>
    public async Task<WebhookDelivery?> ChangeStatusAsync(int conversationId, string status)
    {
        CwConversation conversation;
        string previous;
        lock (_gate)
        {
            conversation = _conversations[conversationId];
            previous = conversation.Status;
            conversation.Status = status;
        }

        return previous == status ? null : await DeliverConversationEventAsync("conversation_status_changed", conversation, previous);
    }
}
