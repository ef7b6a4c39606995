using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.WppConnect;

/// <summary>
/// The JSON WPPConnect produces. REST reads carry Wid objects (<c>chatId</c>, <c>sender.id</c>) as in the 2021 and
/// current samples; webhook events carry plain strings as in the published captures; <c>onack</c> has an object id.
/// </summary>
public static class WppShapes
{
    public static JsonObject Wid(string serialized)
    {
        var at = serialized.IndexOf('@', StringComparison.Ordinal);
        return new JsonObject
        {
            ["server"] = at < 0 ? "c.us" : serialized[(at + 1)..],
            ["user"] = at < 0 ? serialized : serialized[..at],
            ["_serialized"] = serialized,
        };
    }

    /// <summary>The pn-lid shape, <c>{"id","server","_serialized"}</c>.</summary>
    public static JsonObject PnLidWid(string serialized)
    {
        var at = serialized.IndexOf('@', StringComparison.Ordinal);
        return new JsonObject
        {
            ["id"] = serialized[..at],
            ["server"] = serialized[(at + 1)..],
            ["_serialized"] = serialized,
        };
    }

    public static JsonObject Message(FakeWppMessage m, bool widObjects, string? pushName)
    {
        var sender = m.FromMe ? m.To : m.From;
        var o = new JsonObject
        {
            ["id"] = m.Id,
            ["viewed"] = false,
            ["body"] = m.Body,
            ["type"] = m.Type,
            ["t"] = m.T,
            ["notifyName"] = m.NotifyName ?? "",
            ["from"] = m.From,
            ["to"] = m.To,
            ["self"] = m.FromMe ? "out" : "in",
            ["ack"] = m.Ack,
            ["invis"] = false,
            ["isNewMsg"] = true,
            ["star"] = false,
            ["recvFresh"] = true,
            ["isFromTemplate"] = false,
            ["mentionedJidList"] = new JsonArray(),
            ["isForwarded"] = false,
            ["labels"] = new JsonArray(),
            ["chatId"] = widObjects ? Wid(m.ChatId) : m.ChatId,
            ["fromMe"] = m.FromMe,
            ["sender"] = new JsonObject
            {
                ["id"] = widObjects ? Wid(m.From) : m.From,
                ["pushname"] = m.FromMe ? null : pushName,
                ["type"] = "in",
                ["labels"] = new JsonArray(),
                ["formattedName"] = m.FromMe ? "Você" : pushName ?? "+" + sender.Split('@')[0],
                ["isMe"] = m.FromMe,
                ["isMyContact"] = false,
                ["isPSA"] = false,
                ["isUser"] = true,
                ["isWAContact"] = true,
                ["profilePicThumbObj"] = new JsonObject(),
                ["msgs"] = null,
            },
            ["timestamp"] = m.T,
            ["content"] = m.Body,
            ["isGroupMsg"] = false,
            ["isMedia"] = m.Type is "image" or "video",
            ["isNotification"] = false,
            ["isPSA"] = false,
            ["mediaData"] = new JsonObject(),
        };
        if (m.IsMedia)
        {
            o["mimetype"] = m.Mimetype;
            o["caption"] = m.Caption;
            o["filename"] = m.Filename;
            o["size"] = m.Media!.Length;
        }

        if (m.Lat is { } lat)
        {
            o["lat"] = lat;
            o["lng"] = m.Lng;
            o["loc"] = m.Loc;
        }

        if (m.QuotedMsgId is { } quoted)
        {
            o["quotedMsgId"] = quoted;
        }

        foreach (var (name, value) in m.Extra)
        {
            o[name] = value?.DeepClone();
        }

        if (m.IsSendFailure)
        {
            o["isSendFailure"] = true;
        }

        return o;
    }

    /// <summary>The <c>onack</c> payload: raw Msg attributes with the id as a key object.</summary>
    public static JsonObject Ack(FakeWppMessage m) => new()
    {
        ["id"] = new JsonObject
        {
            ["fromMe"] = m.FromMe,
            ["remote"] = m.ChatId,
            ["id"] = m.Id.Split('_')[^1],
            ["_serialized"] = m.Id,
        },
        ["body"] = m.Body,
        ["type"] = m.Type,
        ["t"] = m.T,
        ["from"] = m.From,
        ["to"] = m.To,
        ["self"] = m.FromMe ? "out" : "in",
        ["ack"] = m.Ack,
    };

    public static JsonObject Chat(FakeWppChat chat, string? pushName)
    {
        var last = chat.Last;
        var isGroup = chat.Id.EndsWith("@g.us", StringComparison.Ordinal);
        return new JsonObject
        {
            ["id"] = Wid(chat.Id),
            ["lastReceivedKey"] = last is null ? null : new JsonObject
            {
                ["fromMe"] = last.FromMe,
                ["remote"] = Wid(chat.Id),
                ["id"] = last.Id.Split('_')[^1],
                ["_serialized"] = last.Id,
            },
            ["t"] = chat.T,
            ["unreadCount"] = chat.UnreadCount,
            ["archive"] = false,
            ["isReadOnly"] = false,
            ["muteExpiration"] = 0,
            ["name"] = chat.Name,
            ["notSpam"] = true,
            ["pin"] = chat.Pin,
            ["msgs"] = null,
            ["kind"] = isGroup ? "group" : "chat",
            ["isBroadcast"] = false,
            ["isGroup"] = isGroup,
            ["isUser"] = !isGroup,
            ["contact"] = new JsonObject
            {
                ["id"] = Wid(chat.Id),
                ["pushname"] = pushName,
                ["type"] = "in",
                ["isBusiness"] = false,
                ["formattedName"] = pushName ?? "+" + chat.Id.Split('@')[0],
                ["isMe"] = false,
                ["isMyContact"] = false,
                ["isPSA"] = false,
                ["isUser"] = !isGroup,
                ["isWAContact"] = true,
                ["profilePicThumbObj"] = new JsonObject(),
                ["msgs"] = null,
            },
            ["groupMetadata"] = null,
            ["presence"] = new JsonObject { ["id"] = Wid(chat.Id), ["chatstates"] = new JsonArray() },
        };
    }
}
