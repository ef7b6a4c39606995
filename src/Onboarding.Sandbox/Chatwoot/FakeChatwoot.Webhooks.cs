using System.Globalization;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Chatwoot;

public sealed partial class FakeChatwoot
{
    private CwMessage AddMessage(
        int conversationId, string? content, string messageType, bool isPrivate, string? sourceId, JsonObject contentAttributes,
        string? senderType, int? senderId, IReadOnlyList<(string FileName, string ContentType, byte[] Content)> files)
    {
        lock (_gate)
        {
            var conversation = _conversations[conversationId];
            var id = ++_nextMessageId;
            var message = new CwMessage
            {
                Id = id,
                ConversationId = conversationId,
                Content = content,
                MessageType = messageType,
                Private = isPrivate,
                SourceId = sourceId,
                ContentAttributes = contentAttributes,
                SenderType = senderType,
                SenderId = senderId,
                CreatedAt = DateTimeOffset.UtcNow,
                Attachments = files.Select(f => new CwAttachment(++_nextAttachmentId, id, FileType(f.ContentType), f.ContentType, f.FileName, f.Content)).ToList(),
            };
            if (!_messages.TryGetValue(conversationId, out var list))
            {
                _messages[conversationId] = list = [];
            }

            list.Add(message);
            conversation.LastActivityAt = Now();
            return message;
        }
    }

    private static string FileType(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) ? "image"
        : contentType.StartsWith("audio/", StringComparison.Ordinal) ? "audio"
        : contentType.StartsWith("video/", StringComparison.Ordinal) ? "video"
        : "file";

    private async Task<WebhookDelivery?> DeliverMessageEventAsync(string eventName, CwMessage message)
    {
        JsonObject payload;
        lock (_gate)
        {
            payload = MessageWebhookJson(message, _conversations[message.ConversationId]);
        }

        payload["event"] = eventName;
        var delivery = await PostAsync(eventName, payload);

        // An API inbox marks the message failed when its webhook delivery fails (chatwoot#8277).
        if (delivery is { Succeeded: false, Error: not "dropped by fault" } && message.MessageType == "outgoing")
        {
            lock (_gate)
            {
                message.Status = "failed";
                message.ContentAttributes["external_error"] = delivery.Error ?? $"HTTP {delivery.StatusCode}";
            }
        }

        return delivery;
    }

    private async Task<WebhookDelivery?> DeliverConversationEventAsync(string eventName, CwConversation conversation, string? previousStatus = null)
    {
        JsonObject payload;
        lock (_gate)
        {
            payload = ConversationWebhookJson(conversation);
        }

        payload["event"] = eventName;
        if (previousStatus is not null)
        {
            payload["changed_attributes"] = new JsonArray(new JsonObject
            {
                ["status"] = new JsonObject { ["previous_value"] = previousStatus, ["current_value"] = conversation.Status },
            });
        }

        return await PostAsync(eventName, payload);
    }

    /// <summary>Events caused by API calls go out in the background, in no guaranteed order (as Sidekiq does).</summary>
    private void Fire(Func<Task> delivery) => Track(Task.Run(delivery));

    /// <summary>One signed attempt: <c>X-Chatwoot-Delivery</c>, <c>X-Chatwoot-Timestamp</c>, <c>X-Chatwoot-Signature</c>.</summary>
    private async Task<WebhookDelivery?> PostAsync(string eventName, JsonObject payload)
    {
        var url = WebhookUrl;
        var body = payload.ToJsonString();
        if (url is null)
        {
            return null;
        }

        if (Faults.ShouldDropWebhook())
        {
            return _webhooks.Skip(url, eventName, "dropped by fault", body);
        }

        var headers = new Dictionary<string, string>
        {
            ["Accept"] = "application/json",
            ["X-Chatwoot-Delivery"] = Guid.NewGuid().ToString(),
        };
        if (_options.WebhookSecret is { } secret)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["X-Chatwoot-Timestamp"] = timestamp;
            headers["X-Chatwoot-Signature"] = Sign(secret, timestamp, body);
        }

        return await _webhooks.PostAsync(url, eventName, body, headers, _options.WebhookTimeout);
    }
}
