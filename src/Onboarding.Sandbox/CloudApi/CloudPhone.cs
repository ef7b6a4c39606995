using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// A WhatsApp user writing to our business number: each message is stored, opens (or renews) the 24-hour window and
/// goes out as a signed <c>messages</c> webhook shaped as Meta's payload examples show each type. What we sent to it
/// is in <see cref="Received"/>.
/// </summary>
public sealed class CloudPhone
{
    private readonly FakeCloudApi _api;
    private readonly ConcurrentQueue<CloudMessage> _received = new();

    internal CloudPhone(FakeCloudApi api, string waId, string? profileName)
    {
        _api = api;
        WaId = waId;
        ProfileName = profileName;
    }

    public string WaId { get; }

    public string? ProfileName { get; }

    /// <summary>Messages of ours that reached this phone, in order (failed ones never do).</summary>
    public IReadOnlyList<CloudMessage> Received => _received.ToArray();

    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendTextAsync(string text, string? replyTo = null) =>
        SendAsync("text", new JsonObject { ["body"] = text }, replyTo);

    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendImageAsync(byte[] content, string mimeType = "image/jpeg", string? caption = null) =>
        SendMediaAsync("image", content, mimeType, caption: caption);

    /// <summary>A voice note: <c>audio/ogg; codecs=opus</c> with <c>voice: true</c>, as WhatsApp records them.</summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendVoiceNoteAsync(byte[] content) =>
        SendMediaAsync("audio", content, "audio/ogg; codecs=opus", voice: true);

    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendDocumentAsync(
        byte[] content, string fileName, string mimeType = "application/pdf", string? caption = null) =>
        SendMediaAsync("document", content, mimeType, fileName, caption);

    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendVideoAsync(byte[] content, string? caption = null) =>
        SendMediaAsync("video", content, "video/mp4", caption: caption);

    /// <summary>The file is stored under a media id; the webhook carries the id, type and hash, never the bytes.</summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendMediaAsync(
        string type, byte[] content, string mimeType, string? fileName = null, string? caption = null, bool voice = false)
    {
        var media = _api.StoreMedia(content, mimeType, fileName);
        var json = new JsonObject();
        if (caption is not null)
        {
            json["caption"] = caption;
        }

        if (fileName is not null && type == "document")
        {
            json["filename"] = fileName;
        }

        json["mime_type"] = mimeType;
        json["sha256"] = media.Sha256;
        json["id"] = media.Id;
        if (voice)
        {
            json["voice"] = true;
        }

        return SendAsync(type, json, media: content);
    }

    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendLocationAsync(double latitude, double longitude, string? name = null, string? address = null)
    {
        var json = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        if (name is not null)
        {
            json["name"] = name;
        }

        if (address is not null)
        {
            json["address"] = address;
        }

        return SendAsync("location", json);
    }

    /// <summary>A shared contact card (<c>contacts</c>: an array of <c>name</c> and <c>phones</c>).</summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendContactAsync(string formattedName, string phone) =>
        SendAsync("contacts", new JsonArray(new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = formattedName, ["first_name"] = formattedName.Split(' ')[0] },
            ["phones"] = new JsonArray(new JsonObject { ["phone"] = phone, ["wa_id"] = FakeCloudApi.WaIdOf(phone), ["type"] = "CELL" }),
        }));

    /// <summary>
    /// Taps a reply button of one of our interactive messages: an <c>interactive</c> message of type
    /// <c>button_reply</c> with the button's id and title, in the context of the message that showed it.
    /// </summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> TapButtonAsync(string messageId, string buttonId)
    {
        var shown = Shown(messageId, "button");
        var reply = shown.Content["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!)
            .FirstOrDefault(r => r["id"]!.GetValue<string>() == buttonId)
            ?? throw new ArgumentException($"The message has no button {buttonId}.", nameof(buttonId));
        return SendAsync("interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = buttonId, ["title"] = reply["title"]!.GetValue<string>() },
        }, messageId);
    }

    /// <summary>Picks a row of one of our list messages: <c>list_reply</c> with the row's id, title and description.</summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> PickRowAsync(string messageId, string rowId)
    {
        var shown = Shown(messageId, "list");
        var row = shown.Content["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray())
            .FirstOrDefault(r => r!["id"]!.GetValue<string>() == rowId)
            ?? throw new ArgumentException($"The list has no row {rowId}.", nameof(rowId));
        var reply = new JsonObject { ["id"] = rowId, ["title"] = row["title"]!.GetValue<string>() };
        if (row["description"] is { } description)
        {
            reply["description"] = description.GetValue<string>();
        }

        return SendAsync("interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = reply }, messageId);
    }

    /// <summary>
    /// A kind the Cloud API does not support (a poll, a view-once photo): <c>type: unsupported</c> with error 131051
    /// "Unsupported message type" and no content.
    /// </summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendUnsupportedAsync() =>
        SendAsync("unsupported", new JsonArray(new JsonObject
        {
            ["code"] = 131051,
            ["title"] = "Message type unknown",
            ["message"] = "Message type unknown",
            ["error_data"] = new JsonObject { ["details"] = "Message type is currently not supported." },
        }));

    /// <summary>Reacts to a message; "" takes the reaction back (a <c>reaction</c> message with an empty emoji).</summary>
    public Task<(CloudMessage Message, WebhookDelivery? Delivery)> ReactAsync(string messageId, string emoji) =>
        SendAsync("reaction", new JsonObject { ["message_id"] = messageId, ["emoji"] = emoji });

    /// <summary>Opens the chat: each message of ours not yet read gets a <c>read</c> status.</summary>
    public Task ReadAsync() => Task.WhenAll(Received.Where(m => m.Status is "sent" or "delivered").Select(m =>
    {
        m.Status = "read";
        return _api.PostStatusAsync(m, "read");
    }));

    internal void Deliver(CloudMessage message) => _received.Enqueue(message);

    private CloudMessage Shown(string messageId, string interactiveType)
    {
        var message = _api.Message(messageId);
        return message is { FromBusiness: true, Type: "interactive" } && message.WaId == WaId
            && message.Content["type"]?.GetValue<string>() == interactiveType && message.Status != "failed"
            ? message
            : throw new ArgumentException($"No {interactiveType} message {messageId} reached this phone.", nameof(messageId));
    }

    private async Task<(CloudMessage Message, WebhookDelivery? Delivery)> SendAsync(string type, JsonNode content, string? replyTo = null, byte[]? media = null)
    {
        var message = new CloudMessage
        {
            Id = FakeCloudApi.NewWamid(WaId),
            WaId = WaId,
            FromBusiness = false,
            Type = type,
            Content = content,
            ContextId = replyTo,
            At = _api.Now(),
            Media = media,
        };
        message.Status = "received";
        var chat = _api.ChatOf(WaId);
        chat.ProfileName ??= ProfileName;
        _api.Store(message);
        return (message, await _api.PostInboundAsync(this, message));
    }
}
