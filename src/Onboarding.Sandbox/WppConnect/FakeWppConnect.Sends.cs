using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Onboarding.Sandbox.WppConnect;

public sealed partial class FakeWppConnect
{
    private enum SendKind
    {
        Text,
        Image,
        File,
        Location,
        ContactCard,
    }

    /// <summary>
    /// <c>statusConnection</c> + <c>contactToArray</c>: split on , or ;, drop everything after '@', strip non-word
    /// characters (spaces are kept), choose the suffix from the flags (or &gt; 14 characters → @lid), then require
    /// that the number exists. Null when an answer was already written.
    /// </summary>
    private async Task<IReadOnlyList<string>?> ResolveRecipients(HttpContext ctx, JsonNode? body)
    {
        var phones = body?["phone"] switch
        {
            JsonArray a => a.Select(p => p?.ToString() ?? "").ToList(),
            JsonValue v => v.ToString().Split([',', ';']).ToList(),
            _ => [],
        };
        var isGroup = Flag(body, "isGroup");
        var isNewsletter = Flag(body, "isNewsletter");
        var isLid = Flag(body, "isLid");
        var recipients = new List<string>();
        foreach (var raw in phones)
        {
            var local = NonWord().Replace(raw.Split('@')[0], "");
            var chatId = isGroup ? $"{local}@g.us"
                : isNewsletter ? $"{local}@newsletter"
                : isLid || local.Length > 14 ? $"{local}@lid"
                : $"{local}@c.us";
            if (!isGroup && !isNewsletter && FindPhone(chatId) is null)
            {
                await Write(ctx, 400, new JsonObject
                {
                    ["response"] = null,
                    ["status"] = "Connected",
                    ["message"] = $"O número {local} não existe.",
                });
                return null;
            }

            recipients.Add(chatId);
        }

        if (recipients.Count == 0)
        {
            await Write(ctx, 400, new JsonObject { ["response"] = null, ["status"] = "Connected", ["message"] = "O número  não existe." });
            return null;
        }

        return recipients;
    }

    private async Task Send(HttpContext ctx, SendKind kind)
    {
        var body = await ReadBody(ctx);
        if (kind is SendKind.Image or SendKind.File)
        {
            var base64 = body?["base64"]?.ToString();
            if (string.IsNullOrEmpty(base64) && string.IsNullOrEmpty(body?["path"]?.ToString()))
            {
                await Write(ctx, 401, new JsonObject { ["message"] = "Sending the file is mandatory" });
                return;
            }

            if (base64 is null || !base64.StartsWith("data:", StringComparison.Ordinal) || !base64.Contains(";base64,", StringComparison.Ordinal))
            {
                await Write(ctx, 500, new JsonObject { ["status"] = "error", ["message"] = "Empty or invalid file or base64", ["error"] = new JsonObject() });
                return;
            }
        }

        if (await ResolveRecipients(ctx, body) is not { } recipients || await RestrictedAsync(ctx, recipients))
        {
            return;
        }

        var results = new JsonArray();
        foreach (var chatId in recipients)
        {
            if (_unheld.ContainsKey(chatId))
            {
                await ChatNotFoundAsync(ctx, chatId);
                return;
            }

            var failed = TakeSendFailure();
            var message = Build(kind, body!, chatId, failed);
            Store(message);
            _sent.Enqueue(message);
            if (!failed)
            {
                FindPhone(chatId)?.Deliver(message);
                ScheduleAcks(message);
            }

            results.Add(kind == SendKind.Text
                ? MessageJson(message, widObjects: true)
                : failed
                    ? new JsonObject { ["ack"] = -1, ["id"] = message.Id, ["isSendFailure"] = true }
                    : new JsonObject { ["ack"] = message.Ack, ["id"] = message.Id });
        }

        await HeldSendAsync(ctx);
        await Write(ctx, 201, new JsonObject { ["status"] = "success", ["response"] = results, ["mapper"] = "return" });
    }

    /// <summary>
    /// A send to a chat WhatsApp Web does not hold: wa-js 4.6.0 <c>sendRawMessage</c> starts with
    /// <c>assertFindChat</c> (src/assert/assertChat.ts), which throws <c>InvalidChat</c> (code <c>chat_not_found</c>)
    /// before any message exists; wppconnect's <c>evaluateAndReturn</c> (src/api/helpers/evaluate-and-return.ts) copies
    /// the page error's own fields, and wppconnect-server 2.10.4 <c>returnError</c> (src/controller/messageController.ts)
    /// answers 500 with them.
    /// </summary>
    private Task ChatNotFoundAsync(HttpContext ctx, string chatId) =>
        Write(ctx, 500, new JsonObject
        {
            ["status"] = "Error",
            ["message"] = "Erro ao enviar a mensagem.",
            ["error"] = new JsonObject
            {
                ["stack"] = $"Error: Chat not found for {chatId}\n    at assertFindChat (webpack://WPP/./src/assert/assertChat.ts:31:11)",
                ["message"] = $"Chat not found for {chatId}",
                ["code"] = "chat_not_found",
                ["id"] = chatId,
            },
        });

    private FakeWppMessage Build(SendKind kind, JsonNode body, string chatId, bool failed)
    {
        var (type, text, media, mimetype, filename, caption) = (kind, body) switch
        {
            (SendKind.Text, _) => ("chat", body["message"]?.ToString() ?? "", null, null, null, null),
            (SendKind.Location, _) => ("location", "", (byte[]?)null, (string?)null, (string?)null, (string?)null),
            (SendKind.ContactCard, _) => ("vcard", VCard(body), null, null, null, null),
            _ => MediaParts(kind, body),
        };
        return new FakeWppMessage
        {
            Id = $"true_{chatId}_{NewMessageKey(fromMe: true)}",
            ChatId = chatId,
            FromMe = true,
            From = $"{_options.HostNumber}@c.us",
            To = chatId,
            Type = type,
            Body = text,
            Media = media,
            Mimetype = mimetype,
            Filename = filename,
            Caption = caption,
            Lat = kind == SendKind.Location ? Number(body["lat"]) : null,
            Lng = kind == SendKind.Location ? Number(body["lng"]) : null,
            Loc = kind == SendKind.Location ? string.Join("\n", new[] { body["title"]?.ToString(), body["address"]?.ToString() }.Where(s => !string.IsNullOrEmpty(s))) : null,
            QuotedMsgId = body["options"]?["quotedMsg"]?.ToString(),
            T = Now(),
            Ack = failed ? -1 : 1,
            IsSendFailure = failed,
        };
    }

    private static (string, string, byte[]?, string?, string?, string?) MediaParts(SendKind kind, JsonNode body)
    {
        var dataUri = body["base64"]!.ToString();
        var comma = dataUri.IndexOf(',', StringComparison.Ordinal);
        var mimetype = dataUri[5..dataUri.IndexOf(';', StringComparison.Ordinal)];
        var bytes = Convert.FromBase64String(dataUri[(comma + 1)..]);
        var type = kind == SendKind.Image || mimetype.StartsWith("image/", StringComparison.Ordinal) ? "image"
            : mimetype.StartsWith("video/", StringComparison.Ordinal) ? "video"
            : mimetype.StartsWith("audio/", StringComparison.Ordinal) ? "audio"
            : "document";
        var caption = body["caption"]?.ToString();
        return (type, caption ?? "", bytes, mimetype, body["filename"]?.ToString(), caption);
    }

    private static string VCard(JsonNode body)
    {
        var ids = body["contactsId"] as JsonArray ?? [];
        var name = body["name"]?.ToString() ?? "";
        return string.Join("\n", ids.Select(id =>
            $"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nTEL;type=CELL;waid={id}:+{id}\nEND:VCARD"));
    }

    private static double? Number(JsonNode? node) =>
        node is null ? null
        : node.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>()
        : double.TryParse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool Flag(JsonNode? body, string name) =>
        body?[name] is { } node && (node.GetValueKind() == JsonValueKind.True || node.ToString() == "true");

    private bool TakeSendFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failSends);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failSends, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private void ScheduleAcks(FakeWppMessage message)
    {
        if (!_options.AutoDeliveryAck)
        {
            return;
        }

        // Two events of their own, neither waiting for the other's answer (callWebHook): the ack may arrive first.
        if (_options.OnSelfMessage)
        {
            _ = PostEventAsync("onselfmessage", MessageJson(message, widObjects: false));
        }

        message.Ack = Math.Max(message.Ack, 2);
        _ = PostEventAsync("onack", WppShapes.Ack(message));
    }

    [GeneratedRegex(@"[^\w ]")]
    private static partial Regex NonWord();
}
