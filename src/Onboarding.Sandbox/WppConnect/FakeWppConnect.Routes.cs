using System.Text.Json.Nodes;
using Onboarding.Sandbox.Faults;

namespace Onboarding.Sandbox.WppConnect;

public sealed partial class FakeWppConnect
{
    private const string Version = "2.10.4";

    // A 1x1 PNG: what qrcode-session serves when a QR exists.
    private static readonly byte[] QrPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (_processDown)
            {
                context.Abort();
                return;
            }

            await next(context);
        });
        _requests.Attach(app);
        app.UseFaults(Faults);

        app.MapGet("/healthz", ctx => Write(ctx, 200, new JsonObject { ["uptime"] = Environment.TickCount64 / 1000.0, ["message"] = "OK", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }));
        app.MapPost("/api/{session}/{secretkey}/generate-token", GenerateToken);
        app.MapPost("/api/{session}/start-session", ctx => Authorized(ctx, live: false, StartSession));
        app.MapGet("/api/{session}/status-session", ctx => Authorized(ctx, live: false, StatusSession));
        app.MapGet("/api/{session}/check-connection-session", ctx => Authorized(ctx, live: false, CheckConnection));
        app.MapGet("/api/{session}/qrcode-session", ctx => Authorized(ctx, live: false, QrCode));
        app.MapPost("/api/{session}/close-session", ctx => Authorized(ctx, live: false, CloseSession));
        app.MapPost("/api/{session}/list-chats", ctx => Authorized(ctx, live: true, ListChats));
        app.MapGet("/api/{session}/get-messages/{phone}", ctx => Authorized(ctx, live: true, GetMessages));
        app.MapGet("/api/{session}/all-unread-messages", ctx => Authorized(ctx, live: true, AllUnread));
        app.MapGet("/api/{session}/message-by-id/{messageId}", ctx => Authorized(ctx, live: true, MessageById));
        app.MapGet("/api/{session}/check-number-status/{phone}", ctx => Authorized(ctx, live: true, CheckNumber));
        app.MapGet("/api/{session}/contact/pn-lid/{pnLid}", ctx => Authorized(ctx, live: true, PnLid));
        app.MapGet("/api/{session}/get-media-by-message/{messageId}", ctx => Authorized(ctx, live: false, MediaByMessage));
        app.MapPost("/api/{session}/download-media", ctx => Authorized(ctx, live: false, DownloadMedia));
        app.MapPost("/api/{session}/send-message", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.Text)));
        app.MapPost("/api/{session}/send-image", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.Image)));
        app.MapPost("/api/{session}/send-file", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.File)));
        app.MapPost("/api/{session}/send-file-base64", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.File)));
        app.MapPost("/api/{session}/send-location", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.Location)));
        app.MapPost("/api/{session}/contact-vcard", ctx => Authorized(ctx, live: true, c => Send(c, SendKind.ContactCard)));
        app.MapPost("/api/{session}/typing", ctx => Authorized(ctx, live: true, Typing));
        app.MapPost("/api/{session}/send-seen", ctx => Authorized(ctx, live: true, SendSeen));
        MapHeldSends(app);
    }

    /// <summary>Writes JSON; adds <c>"session"</c> when the request said exactly <c>application/json</c> (src/index.ts).</summary>
    private Task Write(HttpContext ctx, int status, JsonNode? body)
    {
        if (body is JsonObject o && !o.ContainsKey("session") && ctx.Request.ContentType == "application/json")
        {
            o["session"] = SessionName(ctx) ?? "";
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body?.ToJsonString() ?? "null");
    }

    private static string? SessionName(HttpContext ctx)
    {
        var raw = ctx.Request.RouteValues["session"] as string;
        var colon = raw?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon >= 0 ? raw![..colon] : raw;
    }

    private async Task Authorized(HttpContext ctx, bool live, Func<HttpContext, Task> handler)
    {
        var raw = ctx.Request.RouteValues["session"] as string ?? "";
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        var session = colon >= 0 ? raw[..colon] : raw;

        // The header is ignored when the path carries "session:token".
        var token = colon >= 0 ? raw[(colon + 1)..] : ctx.Request.Headers.Authorization.ToString().Split(' ') is { Length: > 1 } p ? p[1] : null;
        if (string.IsNullOrEmpty(token))
        {
            await Write(ctx, 401, new JsonObject { ["message"] = "Token is not present. Check your header and try again" });
            return;
        }

        if (!_tokens.ContainsKey($"{session}:{token}"))
        {
            await Write(ctx, 401, new JsonObject { ["error"] = "Check that the Session and Token are correct" });
            return;
        }

        if (live && (session != _options.Session || _status != "CONNECTED"))
        {
            await Write(ctx, 404, new JsonObject
            {
                ["response"] = null,
                ["status"] = "Disconnected",
                ["message"] = "A sessão do WhatsApp não está ativa.",
            });
            return;
        }

        await handler(ctx);
    }

    private Task GenerateToken(HttpContext ctx)
    {
        var session = (string)ctx.Request.RouteValues["session"]!;
        if ((string?)ctx.Request.RouteValues["secretkey"] != _options.SecretKey)
        {
            return Write(ctx, 400, new JsonObject { ["response"] = false, ["message"] = "The SECRET_KEY is incorrect" });
        }

        var token = "$2b$10$" + RandomText(53, "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789").Replace('/', '_');
        _tokens[$"{session}:{token}"] = 0;
        return Write(ctx, 201, new JsonObject
        {
            ["status"] = "success",
            ["session"] = session,
            ["token"] = token,
            ["full"] = $"{session}:{token}",
        });
    }

    private async Task StartSession(HttpContext ctx)
    {
        var body = await ReadBody(ctx);
        var current = StatusJson();
        if (_status != "CLOSED" || SessionName(ctx) != _options.Session)
        {
            // A running session ignores the new body, webhook included.
            await Write(ctx, 200, current);
            return;
        }

        // The body becomes the session config: a non-empty body without "webhook" clears the session URL.
        Volatile.Write(ref _sessionWebhook, body?["webhook"]?.GetValue<string>() is { Length: > 0 } w ? new Uri(w) : null);
        _status = "INITIALIZING";
        var qrShown = new TaskCompletionSource();
        Track(Task.Run(async () =>
        {
            _qrBase64 = Convert.ToBase64String(QrPng);
            _urlcode = "2@" + RandomText(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
            _status = "QRCODE";
            qrShown.TrySetResult();
            await PostEventAsync("qrcode", new JsonObject { ["qrcode"] = _qrBase64, ["urlcode"] = _urlcode });
            await PostStatusAsync("notLogged");
            if (_options.AutoScanQr)
            {
                await ScanQrAsync();
            }
        }));

        if (body?["waitQrCode"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            await qrShown.Task;
            await Write(ctx, 200, new JsonObject { ["status"] = "qrcode", ["qrcode"] = _qrBase64, ["urlcode"] = _urlcode, ["session"] = _options.Session });
            return;
        }

        // The first answer is the state before start-up began.
        await Write(ctx, 200, current);
    }

    private JsonObject StatusJson()
    {
        if (_status == "CLOSED")
        {
            return new JsonObject { ["status"] = "CLOSED", ["qrcode"] = null };
        }

        var o = new JsonObject
        {
            ["status"] = _status,
            ["qrcode"] = _status == "QRCODE" && _qrBase64 is not null ? "data:image/png;base64," + _qrBase64 : null,
            ["version"] = Version,
        };
        if (_urlcode is not null)
        {
            o["urlcode"] = _urlcode;
        }

        return o;
    }

    private Task StatusSession(HttpContext ctx) =>
        Write(ctx, 200, SessionName(ctx) == _options.Session ? StatusJson() : new JsonObject { ["status"] = "CLOSED", ["qrcode"] = null });

    private Task CheckConnection(HttpContext ctx) =>
        Write(ctx, 200, _status != "CLOSED"
            ? new JsonObject { ["status"] = true, ["message"] = "Connected" }
            : new JsonObject { ["status"] = false, ["message"] = "Disconnected" });

    private async Task QrCode(HttpContext ctx)
    {
        if (_qrBase64 is not null)
        {
            ctx.Response.ContentType = "image/png";
            await ctx.Response.Body.WriteAsync(QrPng);
            return;
        }

        await Write(ctx, 200, _status == "CONNECTED"
            ? new JsonObject { ["status"] = "CONNECTED", ["message"] = "QRCode is not available..." }
            : new JsonObject { ["status"] = null, ["message"] = "Session not started. Please, use the /start-session route, for initialization your session" });
    }

    private async Task CloseSession(HttpContext ctx)
    {
        _status = "CLOSED";
        Volatile.Write(ref _sessionWebhook, null);
        _qrBase64 = null;
        _urlcode = null;
        await Write(ctx, 200, new JsonObject { ["status"] = true, ["message"] = "Session successfully closed" });
    }

    private async Task ListChats(HttpContext ctx)
    {
        var body = await ReadBody(ctx);
        IEnumerable<FakeWppChat> chats = WebOrder();
        if (body?["onlyUsers"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            chats = chats.Where(c => !c.Id.EndsWith("@g.us", StringComparison.Ordinal));
        }

        if (body?["onlyGroups"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            chats = chats.Where(c => c.Id.EndsWith("@g.us", StringComparison.Ordinal));
        }

        if (body?["onlyWithUnreadMessage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            chats = chats.Where(c => c.UnreadCount != 0);
        }

        var list = chats.ToList();
        var count = body?["count"] is { } c2 ? (int)c2.GetValue<double>() : int.MaxValue;
        var anchor = body?["id"]?.GetValue<string>() is { } id && _chats.TryGetValue(id, out var found) ? found : null;
        var result = new JsonArray(Page(list, anchor, count, body?["direction"]?.GetValue<string>() == "before")
            .Select(c => (JsonNode)WppShapes.Chat(c, FindPhone(c.Id)?.PushName)).ToArray());
        await Write(ctx, 200, result);
    }

    /// <summary>
    /// wa-js 4.6.0 src/chat/functions/list.ts, with JavaScript's <c>slice</c>: an anchor the store does not hold starts
    /// at 0; one filtered out is index -1; <c>after</c> (the default) starts AT the anchor, so it comes again as the
    /// first element of the next page; <c>before</c> ends just before it.
    /// </summary>
    private static IEnumerable<FakeWppChat> Page(List<FakeWppChat> list, FakeWppChat? anchor, int count, bool before)
    {
        var start = anchor is null ? 0 : list.IndexOf(anchor);
        if (before)
        {
            var from = Math.Max(0, start - count);
            return JsSlice(list, from, from + count >= start ? start : from + count);
        }

        return JsSlice(list, start, count == int.MaxValue ? int.MaxValue : start + count);
    }

    private static List<FakeWppChat> JsSlice(List<FakeWppChat> list, long start, long end)
    {
        static int At(long i, int length) => (int)(i < 0 ? Math.Max(0, length + i) : Math.Min(i, length));
        var (from, to) = (At(start, list.Count), At(end, list.Count));
        return to > from ? list.GetRange(from, to - from) : [];
    }

    private Task GetMessages(HttpContext ctx)
    {
        var chatId = (string)ctx.Request.RouteValues["phone"]!;
        if (!chatId.Contains('@', StringComparison.Ordinal) || !_chats.TryGetValue(chatId, out var chat))
        {
            // deviceController.getMessages turns every error into a 401.
            return Write(ctx, 401, new JsonObject { ["status"] = "error", ["response"] = "Error on open list", ["error"] = new JsonObject() });
        }

        var count = int.TryParse(ctx.Request.Query["count"], out var n) ? n : 20;
        var messages = chat.Messages.ToList();
        if (ctx.Request.Query["id"].ToString() is { Length: > 0 } anchor && messages.FindIndex(m => m.Id == anchor) is var at and >= 0)
        {
            messages = ctx.Request.Query["direction"] == "after" ? messages[(at + 1)..] : messages[..at];
            messages = ctx.Request.Query["direction"] == "after" ? messages.Take(count).ToList() : messages.TakeLast(count).ToList();
        }
        else
        {
            messages = messages.TakeLast(count).ToList();
        }

        return Write(ctx, 200, Envelope(new JsonArray(messages.Select(m => (JsonNode)MessageJson(m, widObjects: true)).ToArray())));
    }

    private Task AllUnread(HttpContext ctx) =>
        Write(ctx, 200, Envelope(new JsonArray(_chats.Values.SelectMany(c => c.Unread())
            .Select(m => (JsonNode)MessageJson(m, widObjects: true)).ToArray())));

    private Task MessageById(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["messageId"]!;
        if (!_messagesById.TryGetValue(id, out var m))
        {
            return Write(ctx, 500, new JsonObject { ["status"] = "error", ["message"] = "Error on get message", ["error"] = new JsonObject() });
        }

        return Write(ctx, 201, new JsonObject
        {
            ["status"] = "Success",
            ["response"] = new JsonObject
            {
                ["message"] = "Information retrieved successfully.",
                ["contact"] = m.ChatId.Split('@')[0],
                ["session"] = _options.Session,
                ["data"] = MessageJson(m, widObjects: true),
            },
        });
    }

    private Task CheckNumber(HttpContext ctx)
    {
        var digits = new string(((string)ctx.Request.RouteValues["phone"]!).TakeWhile(ch => ch != '@').Where(char.IsAsciiDigit).ToArray());
        var exists = _phonesByDigits.ContainsKey(digits);
        return Write(ctx, 200, Envelope(new JsonObject
        {
            ["id"] = WppShapes.Wid($"{digits}@c.us"),
            ["status"] = exists ? 200 : 404,
            ["isBusiness"] = false,
            ["canReceiveMessage"] = exists,
            ["numberExists"] = exists,
        }));
    }

    private Task PnLid(HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["pnLid"]!;
        if (id.EndsWith("@g.us", StringComparison.Ordinal) || !id.Contains('@', StringComparison.Ordinal))
        {
            return Write(ctx, 500, new JsonObject { ["status"] = "error", ["message"] = "Error on get pn-lid", ["error"] = new JsonObject() });
        }

        var phone = FindPhone(id);
        var o = new JsonObject();
        if (phone is not null)
        {
            var lidKnown = phone.Lid is not null && (phone.LidMappingKnown || id.EndsWith("@lid", StringComparison.Ordinal));
            var phoneKnown = phone.Lid is null || phone.LidMappingKnown || id.EndsWith("@c.us", StringComparison.Ordinal);
            if (lidKnown)
            {
                o["lid"] = WppShapes.PnLidWid($"{phone.Lid}@lid");
            }

            if (phoneKnown)
            {
                o["phoneNumber"] = WppShapes.PnLidWid(phone.PhoneChatId);
            }

            o["contact"] = new JsonObject { ["pushname"] = phone.PushName, ["type"] = "in", ["isBusiness"] = false };
        }
        else if (id.EndsWith("@lid", StringComparison.Ordinal))
        {
            o["lid"] = WppShapes.PnLidWid(id);
        }

        return Write(ctx, 200, o);
    }

    private Task MediaByMessage(HttpContext ctx) => Media(ctx, (string)ctx.Request.RouteValues["messageId"]!);

    private async Task DownloadMedia(HttpContext ctx)
    {
        var body = await ReadBody(ctx);
        await Media(ctx, body?["messageId"]?.GetValue<string>() ?? "");
    }

    private Task Media(HttpContext ctx, string messageId)
    {
        if (_status != "CONNECTED")
        {
            return Write(ctx, 400, new JsonObject { ["status"] = "error", ["message"] = "The session is not active", ["error"] = new JsonObject() });
        }

        if (!_messagesById.TryGetValue(messageId, out var m) || (m.IsMedia && !m.FromMe && _options.MediaByMessageNotFound))
        {
            return Write(ctx, 400, new JsonObject { ["status"] = "error", ["message"] = "Message not found", ["error"] = new JsonObject() });
        }

        return m.Media is null
            ? Write(ctx, 400, new JsonObject { ["status"] = "error", ["message"] = "Message does not contain media" })
            : Write(ctx, 200, new JsonObject { ["base64"] = Convert.ToBase64String(m.Media), ["mimetype"] = m.Mimetype });
    }

    /// <summary>
    /// <c>POST /api/:session/typing</c> {phone, value, isGroup}: <c>startTyping</c> or <c>stopTyping</c> per recipient, then
    /// 200 {status:"success"} (wppconnect-server 2.10.4, src/routes/index.ts and <c>setTyping</c> in
    /// src/controller/deviceController.ts; behind <c>statusConnection</c>, so 404 while the session is not connected).
    /// </summary>
    private async Task Typing(HttpContext ctx)
    {
        var body = await ReadBody(ctx);
        if (await ResolveRecipients(ctx, body) is null)
        {
            return;
        }

        await Write(ctx, 200, new JsonObject { ["status"] = "success" });
    }

    private async Task SendSeen(HttpContext ctx)
    {
        var body = await ReadBody(ctx);
        if (await ResolveRecipients(ctx, body) is not { } recipients)
        {
            return;
        }

        var data = new JsonArray();
        foreach (var chatId in recipients)
        {
            if (_chats.TryGetValue(chatId, out var chat))
            {
                data.Add(new JsonObject { ["wid"] = WppShapes.Wid(chatId), ["unreadCount"] = chat.UnreadCount });
                chat.MarkRead();
            }
        }

        await Write(ctx, 201, new JsonObject
        {
            ["status"] = "Success",
            ["response"] = new JsonObject
            {
                ["message"] = "Information retrieved successfully.",
                ["contact"] = new JsonArray(recipients.Select(r => (JsonNode)r).ToArray()),
                ["session"] = _options.Session,
                ["data"] = data,
            },
        });
    }

    private static JsonObject Envelope(JsonNode response) => new() { ["status"] = "success", ["response"] = response };

    private static async Task<JsonNode?> ReadBody(HttpContext ctx)
    {
        if (ctx.Request.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
