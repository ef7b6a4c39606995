using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.WppConnect;

/// <summary>
/// A WhatsApp user talking to our number. What it sends lands in its chat and goes out as an <c>onmessage</c>
/// webhook; what we send to it is in <see cref="Received"/>.
/// </summary>
public sealed class SimulatedPhone
{
    private readonly FakeWppConnect _server;
    private readonly System.Collections.Concurrent.ConcurrentQueue<FakeWppMessage> _received = new();

    internal SimulatedPhone(FakeWppConnect server, string digits, string? pushName, string? lid, bool lidKnown)
    {
        _server = server;
        Digits = digits;
        PushName = pushName;
        Lid = lid;
        LidMappingKnown = lidKnown;
    }

    public string Digits { get; }

    public string? PushName { get; }

    /// <summary>The privacy id (digits) this user writes from, when set.</summary>
    public string? Lid { get; }

    /// <summary>Whether <c>contact/pn-lid</c> can map the LID to the phone (false for a fresh contact).</summary>
    public bool LidMappingKnown { get; }

    /// <summary>The chat id its messages arrive from: <c>{lid}@lid</c> for LID users, else <c>{digits}@c.us</c>.</summary>
    public string ChatId => Lid is null ? $"{Digits}@c.us" : $"{Lid}@lid";

    public string PhoneChatId => $"{Digits}@c.us";

    /// <summary>
    /// Its messages carry <c>notifyName: ""</c> with the name only in <c>sender.pushname</c>, as WhatsApp Web often
    /// serialises them.
    /// </summary>
    public bool NotifyNameEmpty { get; set; }

    /// <summary>Messages we sent to this user, in order (to the phone chat or the LID chat).</summary>
    public IReadOnlyList<FakeWppMessage> Received => _received.ToArray();

    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendTextAsync(string text, string? quotedMsgId = null) =>
        _server.ReceiveFromPhoneAsync(this, "chat", text, quotedMsgId: quotedMsgId);

    /// <summary>Sends media; <paramref name="type"/> is <c>image</c>, <c>video</c>, <c>audio</c>, <c>ptt</c>, <c>document</c> or <c>sticker</c>.</summary>
    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendMediaAsync(
        string type, byte[] content, string mimeType, string? fileName = null, string? caption = null) =>
        _server.ReceiveFromPhoneAsync(this, type, body: Convert.ToBase64String(content.AsSpan(0, Math.Min(content.Length, 64))),
            media: content, mimetype: mimeType, filename: fileName, caption: caption);

    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendLocationAsync(double lat, double lng, string? place = null) =>
        _server.ReceiveFromPhoneAsync(this, "location", body: "", lat: lat, lng: lng, loc: place);

    /// <summary>A contact card (<c>vcard</c>: the card text in <c>body</c>).</summary>
    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendContactCardAsync(string vcard) =>
        _server.ReceiveFromPhoneAsync(this, "vcard", body: vcard);

    /// <summary>A poll (<c>poll_creation</c> with <c>pollName</c> and <c>pollOptions</c>, wa-js 4.6.0 sendCreatePollMessage.ts).</summary>
    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendPollAsync(string question, params string[] choices) =>
        _server.ReceiveFromPhoneAsync(this, "poll_creation", body: "", extra: m =>
        {
            m.Extra["pollName"] = question;
            m.Extra["pollOptions"] = new System.Text.Json.Nodes.JsonArray(choices.Select((c, i) =>
                (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = c, ["localId"] = i }).ToArray());
        });

    /// <summary>Any other kind WhatsApp may add (the bridge must still show something).</summary>
    public Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendOfTypeAsync(string type, string? body = null) =>
        _server.ReceiveFromPhoneAsync(this, type, body: body);

    /// <summary>Reacts to a message (<c>onreactionmessage</c>); "" takes the reaction back.</summary>
    public Task<WebhookDelivery?> ReactAsync(string messageId, string emoji) => _server.ReactAsync(this, messageId, emoji);

    /// <summary>Deletes one of its messages for everyone (<c>onrevokedmessage</c>).</summary>
    public Task<WebhookDelivery?> RevokeAsync(string messageId) => _server.RevokeAsync(this, messageId);

    /// <summary>Opens the chat: our messages get ack 3 (<c>onack</c>).</summary>
    public Task ReadAsync() => _server.ReadByPhoneAsync(this);

    internal void Deliver(FakeWppMessage message) => _received.Enqueue(message);
}
