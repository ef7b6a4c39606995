using System.Text.Json.Nodes;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.WppConnect;

public sealed partial class FakeWppConnect
{
    private static readonly IReadOnlyDictionary<string, string> AxiosHeaders =
        new Dictionary<string, string> { ["User-Agent"] = "axios/1.7.9", ["Accept"] = "application/json, text/plain, */*" };

    /// <summary>
    /// A message typed on our company phone: stored as fromMe, and sent as <c>onselfmessage</c> when
    /// <see cref="FakeWppConnectOptions.OnSelfMessage"/> is on.
    /// </summary>
    public async Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> SendFromHostPhoneAsync(SimulatedPhone to, string text)
    {
        var message = new FakeWppMessage
        {
            Id = $"true_{to.PhoneChatId}_{NewMessageKey(fromMe: true)}",
            ChatId = to.PhoneChatId,
            FromMe = true,
            From = $"{_options.HostNumber}@c.us",
            To = to.PhoneChatId,
            Type = "chat",
            Body = text,
            T = Now(),
            Ack = 1,
        };
        Store(message);
        to.Deliver(message);
        var delivery = _options.OnSelfMessage ? await PostEventAsync("onselfmessage", MessageJson(message, widObjects: false)) : null;
        return (message, delivery);
    }

    /// <summary>The session drops to CLOSED (phone disconnected); live routes answer 404 until <see cref="ReconnectAsync"/>.</summary>
    public Task DisconnectAsync()
    {
        _status = "CLOSED";
        return PostStatusAsync("disconnectedMobile");
    }

    /// <summary>The session logs in again from saved credentials.</summary>
    public async Task ReconnectAsync()
    {
        _status = "CONNECTED";

        // Posted one after the other without waiting for answers (callWebHook), so they may arrive in any order.
        var posts = new List<Task> { PostStatusAsync("isLogged"), PostStatusAsync("inChat") };
        if (_options.AllUnreadOnStart)
        {
            posts.AddRange(_chats.Values.SelectMany(c => c.Unread()).OrderBy(m => m.T).ToList()
                .Select(message => PostMessageEventAsync("unreadmessages", message)));
        }

        await Task.WhenAll(posts);
    }

    /// <summary>
    /// A server restart, step one: the process is down and connections are dropped. Phones may write meanwhile: their
    /// messages are in the chats but no webhook is sent for them (as upstream). A test drives each step, so nothing
    /// depends on how long a step takes.
    /// </summary>
    public void StopProcess()
    {
        _processDown = true;
        _status = "CLOSED";
    }

    /// <summary>Step two: the process is back and the session INITIALIZING (404 Disconnected) until <see cref="ReconnectAsync"/>.</summary>
    public void StartProcess()
    {
        _processDown = false;
        _status = "INITIALIZING";
    }

    /// <summary>
    /// The three steps in real time, for load runs that write while the server is away: down for the first half of
    /// <paramref name="downtime"/>, initialising for the second, then connected. Tests drive the steps themselves.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        StopProcess();
        await Task.Delay(downtime / 2);
        StartProcess();
        await Task.Delay(downtime / 2);
        await ReconnectAsync();
    }

    /// <summary>The QR shown by start-session is scanned: the session connects.</summary>
    public async Task ScanQrAsync()
    {
        if (_status != "QRCODE")
        {
            return;
        }

        var read = PostStatusAsync("qrReadSuccess");
        _status = "CONNECTED";

        // start() clears qrcode but not urlcode; qrcode-session keeps serving the stale PNG.
        await Task.WhenAll(read, PostStatusAsync("inChat"));
    }

    internal async Task<(FakeWppMessage Message, WebhookDelivery? Delivery)> ReceiveFromPhoneAsync(
        SimulatedPhone phone, string type, string? body = null, byte[]? media = null, string? mimetype = null,
        string? filename = null, string? caption = null, double? lat = null, double? lng = null, string? loc = null,
        string? quotedMsgId = null, Action<FakeWppMessage>? extra = null)
    {
        var chatId = phone.ChatId;
        var message = new FakeWppMessage
        {
            Id = $"false_{chatId}_{NewMessageKey(fromMe: false)}",
            ChatId = chatId,
            FromMe = false,
            From = chatId,
            To = $"{_options.HostNumber}@c.us",
            Type = type,
            Body = body,
            Media = media,
            Mimetype = mimetype,
            Filename = filename,
            Caption = caption,
            Lat = lat,
            Lng = lng,
            Loc = loc,
            QuotedMsgId = quotedMsgId,
            NotifyName = phone.NotifyNameEmpty ? "" : phone.PushName,
            T = Now(),
            Ack = 1,
        };
        extra?.Invoke(message);
        HoldChat(chatId);
        Chat(chatId, phone.PushName).Add(message);
        _messagesById[message.Id] = message;

        // A message that arrives while the server is down or logged out is only found later by reading the chats.
        var delivery = _status == "CONNECTED" && !_processDown ? await PostMessageEventAsync("onmessage", message) : null;
        return (message, delivery);
    }

    internal async Task<WebhookDelivery?> RevokeAsync(SimulatedPhone phone, string messageId)
    {
        if (!_messagesById.TryGetValue(messageId, out var original) || original.FromMe)
        {
            throw new InvalidOperationException("Only the phone's own messages can be revoked.");
        }

        original.Type = "revoked";
        original.Body = null;
        // wa-js 4.6.0 chat.msg_revoke (src/chat/events/eventTypes.ts, registerRevokeMessageEvent.ts): the protocol
        // message's key, the revoked message's key, and the revoke type.
        var key = NewMessageKey(fromMe: false);
        var payload = new JsonObject
        {
            ["author"] = phone.ChatId,
            ["from"] = phone.ChatId,
            ["to"] = $"{_options.HostNumber}@c.us",
            ["id"] = new JsonObject { ["fromMe"] = false, ["remote"] = phone.ChatId, ["id"] = key, ["_serialized"] = $"false_{phone.ChatId}_{key}" },
            ["refId"] = new JsonObject
            {
                ["fromMe"] = false,
                ["remote"] = phone.ChatId,
                ["id"] = messageId.Split('_')[^1],
                ["_serialized"] = messageId,
            },
            ["type"] = "revoke",
        };
        return _status == "CONNECTED" ? await PostEventAsync("onrevokedmessage", payload) : null;
    }

    /// <summary>
    /// A reaction, as wa-js 4.6.0 emits <c>chat.new_reaction</c> (<c>src/chat/events/eventTypes.ts</c>,
    /// <c>registerReactionsEvent.ts</c>) and WPPConnect Server posts it as <c>onreactionmessage</c>: MsgKeys as objects,
    /// the sender as a plain id, <c>reactionText</c> "" when the reaction is taken back.
    /// </summary>
    internal async Task<WebhookDelivery?> ReactAsync(SimulatedPhone phone, string messageId, string emoji)
    {
        if (!_messagesById.TryGetValue(messageId, out var original))
        {
            throw new InvalidOperationException("Unknown message.");
        }

        var key = NewMessageKey(fromMe: false);
        var payload = new JsonObject
        {
            ["id"] = new JsonObject
            {
                ["fromMe"] = false,
                ["remote"] = phone.ChatId,
                ["id"] = key,
                ["_serialized"] = $"false_{phone.ChatId}_{key}",
            },
            ["msgId"] = new JsonObject
            {
                ["fromMe"] = original.FromMe,
                ["remote"] = original.ChatId,
                ["id"] = original.Id.Split('_')[^1],
                ["_serialized"] = original.Id,
            },
            ["reactionText"] = emoji,
            ["read"] = false,
            ["sender"] = phone.ChatId,
            ["orphan"] = 0,
            ["orphanReason"] = null,
            ["timestamp"] = Now(),
        };
        return _status == "CONNECTED" ? await PostEventAsync("onreactionmessage", payload) : null;
    }

    internal async Task ReadByPhoneAsync(SimulatedPhone phone)
    {
        var posts = new List<Task>();
        foreach (var message in phone.Received.Where(m => m.Ack is >= 1 and < 3))
        {
            message.Ack = 3;
            posts.Add(PostEventAsync("onack", WppShapes.Ack(message)));
        }

        await Task.WhenAll(posts);
    }

    private void Store(FakeWppMessage message)
    {
        Chat(message.ChatId, null).Add(message);
        _messagesById[message.Id] = message;
    }

    private async Task<WebhookDelivery?> PostMessageEventAsync(string eventName, FakeWppMessage message)
    {
        var json = MessageJson(message, widObjects: false);
        if (_options.AutoDownload && message.IsMedia)
        {
            // callWebHook → autoDownload (wppconnect-server 2.10.4 src/util/functions.ts): body = the file, bare base64.
            json["body"] = Convert.ToBase64String(message.Media!);
        }

        // autoDownload is awaited before the post (decryptFile), so a file's webhook leaves later than a text's.
        var delivery = await PostEventAsync(eventName, json, message.IsMedia && _options.AutoDownload ? _options.MediaDecryptDelay : TimeSpan.Zero);
        if (delivery?.Succeeded == true && _options.ReadMessage && _chats.TryGetValue(message.ChatId, out var chat))
        {
            // readMessage: after a 2xx the server calls sendSeen, so the chat leaves all-unread-messages.
            chat.MarkRead();
        }

        return delivery;
    }

    private Task<WebhookDelivery?> PostStatusAsync(string status) =>
        PostEventAsync("status-find", new JsonObject { ["status"] = status });

    /// <summary>
    /// <c>Object.assign({event, session}, data)</c>: flattened, unsigned, one attempt, no retry, and not awaited:
    /// wppconnect-server 2.10.4 <c>src/util/functions.ts</c> <c>callWebHook</c> calls <c>api.post(webhook, data).then(…)</c>
    /// without waiting, so the next event is posted while this one is still in flight and may overtake it. The post
    /// starts after a seeded delay (<see cref="FakeWppConnectOptions.WebhookJitter"/>) so runs are repeatable; the
    /// returned task ends when this post is answered, for callers that watch it (the server itself never does).
    /// </summary>
    private Task<WebhookDelivery?> PostEventAsync(string eventName, JsonObject data, TimeSpan extraDelay = default)
    {
        var payload = new JsonObject { ["event"] = eventName, ["session"] = _options.Session };
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            payload[key] = value;
        }

        var url = WebhookUrl;
        var json = payload.ToJsonString();
        if (url is null)
        {
            return Task.FromResult<WebhookDelivery?>(null);
        }

        if (Faults.ShouldDropWebhook())
        {
            return Task.FromResult<WebhookDelivery?>(_webhooks.Skip(url, eventName, "dropped by fault", json));
        }

        var delay = NextJitter() + extraDelay;
        var post = Task.Run(async () =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            return (WebhookDelivery?)await _webhooks.PostAsync(url, eventName, json, AxiosHeaders, TimeSpan.FromSeconds(30));
        });
        Track(post);
        return post;
    }

    /// <summary>The next seeded delay before a post, between zero and <see cref="FakeWppConnectOptions.WebhookJitter"/>.</summary>
    private TimeSpan NextJitter()
    {
        if (_options.WebhookJitter <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        lock (_jitter)
        {
            return _options.WebhookJitter * _jitter.NextDouble();
        }
    }
}
