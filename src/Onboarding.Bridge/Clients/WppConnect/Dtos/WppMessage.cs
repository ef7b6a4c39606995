using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect.Dtos;

/// <summary>
/// A WhatsApp Web message as serialised by WPPConnect (REST reads and webhook events alike). Only the fields we use;
/// the field set changes with WhatsApp Web releases, so every member is optional.
/// </summary>
public sealed record WppMessage
{
    /// <summary>Serialised id, <c>"{fromMe}_{chatId}_{msgId}[_{participant}]"</c>; an object in <c>onack</c>.</summary>
    [JsonConverter(typeof(WidJsonConverter))]
    public string? Id { get; init; }

    /// <summary>Event name when the message came from a webhook (<c>onmessage</c>, <c>onack</c>, …).</summary>
    public string? Event { get; init; }

    public string? Session { get; init; }

    /// <summary>Text, or a thumbnail / the full file in base64 for media, or the vCard.</summary>
    public string? Body { get; init; }

    public string? Caption { get; init; }

    public string? Type { get; init; }

    /// <summary>Unix seconds.</summary>
    public long? T { get; init; }

    public long? Timestamp { get; init; }

    public string? NotifyName { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? From { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? To { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? Author { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? ChatId { get; init; }

    public bool FromMe { get; init; }

    public bool IsGroupMsg { get; init; }

    public bool IsNotification { get; init; }

    /// <summary>-1 failed, 0 pending, 1 sent, 2 delivered, 3 read, 4 played.</summary>
    public int? Ack { get; init; }

    public bool? IsSendFailure { get; init; }

    public string? Mimetype { get; init; }

    public string? Filename { get; init; }

    public long? Size { get; init; }

    public double? Lat { get; init; }

    public double? Lng { get; init; }

    public string? Loc { get; init; }

    [JsonConverter(typeof(WidJsonConverter))]
    public string? QuotedMsgId { get; init; }

    /// <summary>Original message id of an <c>onrevokedmessage</c> event.</summary>
    [JsonConverter(typeof(WidJsonConverter))]
    public string? RefId { get; init; }

    public WppContact? Sender { get; init; }

    /// <summary><c>onreactionmessage</c>: the emoji, or "" when the reaction was removed (wa-js 4.x <c>chat.new_reaction</c>).</summary>
    public string? ReactionText { get; init; }

    /// <summary><c>onreactionmessage</c>: the message reacted to.</summary>
    [JsonConverter(typeof(WidJsonConverter))]
    public string? MsgId { get; init; }

    /// <summary><c>poll_creation</c>: the question and its options.</summary>
    public string? PollName { get; init; }

    public IReadOnlyList<WppPollOption>? PollOptions { get; init; }

    /// <summary><c>multi_vcard</c>: one entry per contact card.</summary>
    public IReadOnlyList<WppVcard>? VcardList { get; init; }

    /// <summary>
    /// The Cloud API's media id of a file the driver sent: the ledger keeps Cloud API messages in this shape
    /// (<c>CloudApiMessages</c>, docs/0042), and the file is fetched through this id instead of WPPConnect.
    /// </summary>
    public string? CloudApiMediaId { get; init; }

    /// <summary>The chat this message belongs to: <c>chatId</c>, else the other party.</summary>
    [JsonIgnore]
    public string? ChatKey => ChatId ?? (FromMe ? To : From);

    /// <summary>Seconds since the epoch, whichever of <c>t</c> and <c>timestamp</c> is present (milliseconds read as seconds).</summary>
    [JsonIgnore]
    public long? Time => UnixTime.Seconds(T ?? Timestamp);
}

/// <summary>One option of a WhatsApp poll.</summary>
public sealed record WppPollOption
{
    public string? Name { get; init; }
}

/// <summary>One card of a <c>multi_vcard</c> message.</summary>
public sealed record WppVcard
{
    public string? DisplayName { get; init; }

    public string? Vcard { get; init; }
}
