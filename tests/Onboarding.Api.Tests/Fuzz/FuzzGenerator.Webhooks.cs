using System.Globalization;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Bridge.Outbound.Intake;

namespace Onboarding.Api.Tests.Fuzz;

public sealed partial class FuzzGenerator
{
    private const string WppRoute = "POST /webhooks/wppconnect/{token}";
    private const string ChatwootRoute = "POST /webhooks/chatwoot";

    /// <summary>The route's own limit (64 MiB: WPPConnect may inline whole media files).</summary>
    private const int WppMaxBytes = 64 * 1024 * 1024;

    /// <summary>The route's own limit (2 MiB).</summary>
    private const int ChatwootMaxBytes = 2 * 1024 * 1024;

    private static readonly string[] WppFields =
        ["event", "session", "id", "from", "to", "chatId", "author", "body", "type", "t", "timestamp", "fromMe", "isGroupMsg", "sender", "ack", "size", "lat", "quotedMsgId"];

    private static readonly string[] ChatwootFields =
        ["event", "message_type", "id", "content", "private", "source_id", "sender", "conversation", "attachments"];

    /// <summary>An incoming WhatsApp message event whose id carries the marker.</summary>
    private List<(string Name, string Json)> WppMessage(string marker) =>
    [
        ("event", "\"onmessage\""), ("session", "\"test\""), ("id", FuzzValues.Json($"false_351915211836@c.us_{marker}")),
        ("from", "\"351915211836@c.us\""), ("to", "\"351900000000@c.us\""), ("chatId", "\"351915211836@c.us\""),
        ("author", "null"), ("body", "\"Olá, quero ser estafeta\""), ("type", "\"chat\""),
        ("t", Num(DateTimeOffset.UtcNow.ToUnixTimeSeconds())), ("timestamp", "null"), ("fromMe", "false"), ("isGroupMsg", "false"),
        ("sender", """{"id":"351915211836@c.us","pushname":"Maria"}"""), ("ack", "1"), ("size", "12"), ("lat", "null"), ("quotedMsgId", "null"),
    ];

    private void Wpp(string @case, byte[]? body, string token = AppFixture.WebhookToken, (string, string)[]? headers = null, string? marker = null, bool chunked = false) =>
        Add(new FuzzRequest
        {
            Route = WppRoute,
            Method = "POST",
            Path = "/webhooks/wppconnect/" + token,
            Headers = headers ?? [("Content-Type", "application/json")],
            Body = body,
            Case = @case,
            Marker = marker,
            Chunked = chunked,
        });

    private void WppMembers(string @case, Func<List<(string Name, string Json)>, List<(string Name, string Json)>> change)
    {
        var marker = NextMarker();
        Wpp(@case, Object(change(WppMessage(marker))), marker: marker);
    }

    private void WppConnectWebhook()
    {
        for (var i = 0; i < 10; i++)
        {
            WppMembers("valid message", m => m);
        }

        var replayed = WppMessage(NextMarker());
        Wpp("message", Object(replayed));
        Wpp("same message again", Object(replayed));
        var token = AppFixture.WebhookToken;
        foreach (var (name, wrong) in new[]
        {
            ("wrong token", "wrong-token"), ("token cut short", token[..^1]), ("token with a suffix", token + "x"),
            ("token in upper case", token.ToUpperInvariant()), ("token percent-encoded", string.Concat(token.Select(c => $"%{(int)c:X2}"))),
            ("token with an encoded %", token + "%25"), ("token ..%2f", "..%2fchatwoot"), ("10,000-character token", new string('t', 10_000)),
            ("token with a slash", token + "/x"), ("empty token", ""), ("SQL token", Encode("' OR 1=1 --")), ("emoji token", Encode("🔑")),
        })
        {
            var marker = NextMarker();
            Wpp($"token: {name}", Object(WppMessage(marker)), wrong, marker: marker);
            Wpp($"token: {name}, session event", Object([("event", "\"status-find\""), ("status", FuzzValues.Json(marker))]), wrong, marker: marker);
        }

        foreach (var (name, type) in ContentTypes)
        {
            var marker = NextMarker();
            Wpp($"content type: {name}", Object(WppMessage(marker)), headers: type is null ? [] : [("Content-Type", type)], marker: marker);
        }

        foreach (var (name, body) in FuzzValues.Malformed(Object(WppMessage(NextMarker()))))
        {
            Wpp($"malformed: {name}", body);
        }

        foreach (var field in WppFields)
        {
            foreach (var (name, json) in FuzzValues.WrongTypes.Concat(FuzzValues.EscapedText))
            {
                WppMembers($"{field} = {name}", m => With(m, field, json));
            }

            WppMembers($"{field} missing", m => m.Where(x => x.Name != field).ToList());
            WppMembers($"{field} nested 10,000 deep", m => With(m, field, new string('[', 10_000) + new string(']', 10_000)));
        }

        foreach (var field in new[] { "body", "id", "from", "chatId", "type", "session" })
        {
            foreach (var (name, json) in FuzzValues.Strings())
            {
                WppMembers($"{field} = {name}", m => With(m, field, json));
            }
        }

        foreach (var t in new[] { "-1", "0", "253402300800", "99999999999999", "9223372036854775807", "-9223372036854775808", "\"1700000000\"", "\"abc\"", "1.5e9", "1e400" })
        {
            WppMembers($"t = {t}", m => With(m, "t", t));
            WppMembers($"timestamp = {t}", m => With(With(m, "t", "null"), "timestamp", t));
        }

        WppMembers("id as a Wid object", m => With(m, "id", """{"fromMe":false,"remote":"351915211836@c.us","id":"X","_serialized":"false_351915211836@c.us_X"}"""));
        WppMembers("from as a Wid object without server", m => With(m, "from", """{"user":"351915211836"}"""));
        WppMembers("body = 1 MB string", m => With(m, "body", FuzzValues.Json(new string('b', 1024 * 1024))));
        WppMembers("sender with 100,000 members", m => With(m, "sender", "{" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\":1")) + "}"));
        WppMembers("mentionedJidList of 100,000", m => [.. m, ("mentionedJidList", "[" + string.Join(",", Enumerable.Repeat("\"1@c.us\"", 100_000)) + "]")]);
        foreach (var name in new[] { "status-find", "qrcode", "onack", "onrevokedmessage", "incomingcall", "ONMESSAGE", "unknown", "" })
        {
            foreach (var (valueName, json) in FuzzValues.WrongTypes.Take(6).Concat(FuzzValues.EscapedText).Append(("text", "\"CONNECTED\"")))
            {
                Wpp($"event {name}, value {valueName}", Object([("event", FuzzValues.Json(name)), ("status", json), ("qrcode", json)]));
            }
        }

        var atLimit = NextMarker();
        Wpp("body exactly at the 64 MiB limit", PadTo(Object(WppMessage(atLimit)), WppMaxBytes), marker: null);
        var overLimit = NextMarker();
        Wpp("body one byte over the 64 MiB limit", PadTo(Object(WppMessage(overLimit)), WppMaxBytes + 1), marker: overLimit);
        var chunkedOver = NextMarker();
        Wpp("body one byte over the 64 MiB limit, chunked", PadTo(Object(WppMessage(chunkedOver)), WppMaxBytes + 1), marker: chunkedOver, chunked: true);
        WppMembers("1.5 MB body (over the host's default limit)", m => With(m, "body", FuzzValues.Json(new string('b', 1_500_000))));
        for (var i = 0; i < 80; i++)
        {
            // No marker: damage may turn one request's id into another's.
            Wpp("random byte damage", Damage(Object(WppMessage(NextMarker()))));
        }

        foreach (var method in new[] { "GET", "PUT", "DELETE" })
        {
            Add(new FuzzRequest { Route = WppRoute, Method = method, Path = "/webhooks/wppconnect/" + token, Case = $"method {method}" });
        }
    }

    /// <summary>An agent's reply (text and one attachment) in the mapped conversation; the message id is the marker.</summary>
    private List<(string Name, string Json)> ChatwootReply(int messageId) =>
    [
        ("event", "\"message_created\""), ("message_type", "\"outgoing\""), ("id", Num(messageId)),
        ("content", "\"Olá Maria, recebemos os seus documentos.\""), ("private", "false"), ("source_id", "null"),
        ("sender", """{"id":1,"type":"user","name":"Agente"}"""),
        ("conversation", "{\"id\":" + Num(targets.MappedConversationId) + "}"),
        ("attachments", """[{"id":1,"file_type":"file","data_url":"https://chatwoot.invalid/rails/active_storage/blobs/x/guia.pdf"}]"""),
    ];

    /// <summary>Signed as Chatwoot signs: HMAC-SHA256 of "{timestamp}.{body}" with the inbox secret.</summary>
    private static (string, string)[] Signed(byte[] body, long? timestamp = null, string secret = AppFixture.ChatwootSecret)
    {
        var at = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return
        [
            ("Content-Type", "application/json"), ("X-Chatwoot-Timestamp", at.ToString(CultureInfo.InvariantCulture)),
            ("X-Chatwoot-Signature", ChatwootSignature.Sign(secret, at, body)),
        ];
    }

    private void Chatwoot(string @case, byte[] body, (string, string)[]? headers = null, string? marker = null, string query = "", bool chunked = false) =>
        Add(new FuzzRequest
        {
            Route = ChatwootRoute,
            Method = "POST",
            Path = "/webhooks/chatwoot",
            Query = query,
            Headers = headers ?? Signed(body),
            Body = body,
            Case = @case,
            Marker = marker,
            Chunked = chunked,
        });

    private void ChatwootMembers(string @case, Func<List<(string Name, string Json)>, List<(string Name, string Json)>> change)
    {
        var id = 9_000_000 + NextNumber();
        Chatwoot(@case, Object(change(ChatwootReply(id))), marker: Num(id));
    }

    private void ChatwootWebhook()
    {
        for (var i = 0; i < 10; i++)
        {
            ChatwootMembers("valid reply", m => m);
        }

        var replay = Object(ChatwootReply(9_000_000 + NextNumber()));
        Chatwoot("reply", replay);
        Chatwoot("same reply again", replay);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signatures = new List<(string Name, Func<byte[], (string, string)[]> Headers)>
        {
            ("no signature headers", _ => [("Content-Type", "application/json")]),
            ("stale timestamp (6 minutes)", b => Signed(b, now - 360)),
            ("future timestamp (6 minutes)", b => Signed(b, now + 360)),
            ("wrong secret", b => Signed(b, secret: "not-the-secret")),
            ("signature of another body", b => Signed([.. b, (byte)' '])),
            ("signature without sha256=", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Signature" ? (h.Item1, h.Item2[7..]) : h).ToArray()),
            ("empty signature", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Signature" ? (h.Item1, "") : h).ToArray()),
            ("signature not hex", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Signature" ? (h.Item1, "sha256=zz" + new string('z', 62)) : h).ToArray()),
            ("10 KB signature", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Signature" ? (h.Item1, "sha256=" + new string('a', 10_000)) : h).ToArray()),
            ("signature twice", b => [.. Signed(b), .. Signed(b).Where(h => h.Item1 == "X-Chatwoot-Signature")]),
            ("timestamp twice", b => [.. Signed(b), ("X-Chatwoot-Timestamp", now.ToString(CultureInfo.InvariantCulture))]),
            ("no timestamp", b => Signed(b).Where(h => h.Item1 != "X-Chatwoot-Timestamp").ToArray()),
            ("timestamp not a number", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Timestamp" ? (h.Item1, "yesterday") : h).ToArray()),
            ("timestamp negative", b => Signed(b, -now)),
            ("timestamp in milliseconds", b => Signed(b, now * 1000)),
            ("timestamp long.MaxValue", b => Signed(b, long.MaxValue)),
            ("timestamp too big for a long", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Timestamp" ? (h.Item1, FuzzValues.TenToThe400) : h).ToArray()),
            ("timestamp with spaces", b => Signed(b).Select(h => h.Item1 == "X-Chatwoot-Timestamp" ? (h.Item1, $" {h.Item2} ") : h).ToArray()),
            ("timestamp zero", b => Signed(b, 0)),
        };
        foreach (var (name, headers) in signatures)
        {
            var id = 9_000_000 + NextNumber();
            var body = Object(ChatwootReply(id));
            Chatwoot($"signature: {name}", body, headers(body), Num(id));
        }

        var tokenId = 9_000_000 + NextNumber();
        Chatwoot("unsigned with ?token=", Object(ChatwootReply(tokenId)), [("Content-Type", "application/json")], Num(tokenId), "?token=" + AppFixture.ChatwootSecret);
        var nearStale = 9_000_000 + NextNumber();
        var nearStaleBody = Object(ChatwootReply(nearStale));
        Chatwoot("signature: timestamp 4 minutes old", nearStaleBody, Signed(nearStaleBody, now - 240), Num(nearStale));

        foreach (var (name, type) in ContentTypes)
        {
            var id = 9_000_000 + NextNumber();
            var body = Object(ChatwootReply(id));
            Chatwoot($"content type: {name}", body, Signed(body).Where(h => h.Item1 != "Content-Type").Concat(type is null ? [] : [("Content-Type", type)]).ToArray(), Num(id));
        }

        // Malformed bodies, signed (the signature is over the bytes, whatever they are) and unsigned.
        foreach (var (name, body) in FuzzValues.Malformed(Object(ChatwootReply(9_000_000 + NextNumber()))))
        {
            Chatwoot($"malformed, signed: {name}", body);
            Chatwoot($"malformed, unsigned: {name}", body, [("Content-Type", "application/json")]);
        }

        foreach (var field in ChatwootFields)
        {
            foreach (var (name, json) in FuzzValues.WrongTypes.Concat(FuzzValues.EscapedText))
            {
                ChatwootMembers($"{field} = {name}", m => With(m, field, json));
            }

            ChatwootMembers($"{field} missing", m => m.Where(x => x.Name != field).ToList());
            ChatwootMembers($"{field} nested 10,000 deep", m => With(m, field, new string('[', 10_000) + new string(']', 10_000)));
        }

        foreach (var (name, json) in FuzzValues.Strings())
        {
            ChatwootMembers($"content = {name}", m => With(m, "content", json));
            ChatwootMembers($"data_url = {name}", m => With(m, "attachments", "[{\"data_url\":" + json + "}]"));
        }

        foreach (var (name, json) in FuzzValues.WrongTypes)
        {
            ChatwootMembers($"conversation.id = {name}", m => With(m, "conversation", "{\"id\":" + json + "}"));
            ChatwootMembers($"sender.type = {name}", m => With(m, "sender", "{\"type\":" + json + "}"));
            ChatwootMembers($"attachment = {name}", m => With(m, "attachments", "[" + json + "]"));
            ChatwootMembers($"data_url = {name}", m => With(m, "attachments", "[{\"data_url\":" + json + "}]"));
        }

        foreach (var (name, json) in FuzzValues.EscapedText)
        {
            ChatwootMembers($"second attachment's data_url = {name}", m => With(m, "attachments", "[{\"data_url\":\"https://x.invalid/a.pdf\"},{\"data_url\":" + json + "}]"));
        }

        ChatwootMembers("content = 1 MB string", m => With(m, "content", FuzzValues.Json(new string('c', 1024 * 1024))));
        ChatwootMembers("1,000 attachments", m => With(m, "attachments", "[" + string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"{{\"data_url\":\"https://x.invalid/{i}.pdf\"}}")) + "]"));
        ChatwootMembers("100,000 empty attachments", m => With(m, "attachments", "[" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "]"));
        ChatwootMembers("conversation not mapped", m => With(m, "conversation", "{\"id\":2147483647}"));
        ChatwootMembers("id beyond int", m => With(m, "id", "2147483648"));
        ChatwootMembers("id negative", m => With(m, "id", "-5"));
        ChatwootMembers("incoming message", m => With(m, "message_type", "\"incoming\""));
        ChatwootMembers("private note", m => With(m, "private", "true"));
        ChatwootMembers("bot reply", m => With(m, "sender", """{"type":"agent_bot"}"""));
        foreach (var name in new[] { "conversation_status_changed", "conversation_updated", "webwidget_triggered", "MESSAGE_CREATED", "" })
        {
            ChatwootMembers($"event {Short(name)}", m => With(m, "event", FuzzValues.Json(name)));
        }

        var atLimitId = 9_000_000 + NextNumber();
        Chatwoot("body exactly at the 2 MiB limit", PadTo(Object(ChatwootReply(atLimitId)), ChatwootMaxBytes));
        var overLimitId = 9_000_000 + NextNumber();
        Chatwoot("body one byte over the 2 MiB limit", PadTo(Object(ChatwootReply(overLimitId)), ChatwootMaxBytes + 1), marker: Num(overLimitId));
        var chunkedOverId = 9_000_000 + NextNumber();
        var chunkedOver = PadTo(Object(ChatwootReply(chunkedOverId)), ChatwootMaxBytes + 1);
        Chatwoot("body one byte over the 2 MiB limit, chunked", chunkedOver, Signed(chunkedOver), Num(chunkedOverId), chunked: true);
        ChatwootMembers("1.5 MB body (over the host's default limit)", m => With(m, "content", FuzzValues.Json(new string('c', 1_500_000))));
        for (var i = 0; i < 80; i++)
        {
            Chatwoot("random byte damage", Damage(Object(ChatwootReply(9_000_000 + NextNumber()))));
        }

        foreach (var method in new[] { "GET", "PUT", "DELETE" })
        {
            Add(new FuzzRequest { Route = ChatwootRoute, Method = method, Path = "/webhooks/chatwoot", Case = $"method {method}" });
        }
    }
}
