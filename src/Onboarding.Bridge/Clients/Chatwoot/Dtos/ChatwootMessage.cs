using System.Text.Json;
using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.Chatwoot.Json;

namespace Onboarding.Bridge.Clients.Chatwoot.Dtos;

/// <summary>A message, REST or webhook shape (message_type int or string, created_at epoch or ISO).</summary>
public sealed record ChatwootMessage
{
    public int Id { get; init; }

    public string? Content { get; init; }

    public int? ConversationId { get; init; }

    public int? InboxId { get; init; }

    /// <summary><c>incoming</c>, <c>outgoing</c>, <c>activity</c> or <c>template</c>.</summary>
    [JsonConverter(typeof(MessageTypeJsonConverter))]
    public string? MessageType { get; init; }

    public string? ContentType { get; init; }

    public bool Private { get; init; }

    /// <summary><c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>; absent in webhooks.</summary>
    public string? Status { get; init; }

    /// <summary>Caller tag stored as is; the only one that comes back in webhooks.</summary>
    public string? SourceId { get; init; }

    public Dictionary<string, JsonElement>? ContentAttributes { get; init; }

    [JsonConverter(typeof(FlexibleTimestampJsonConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    public ChatwootSender? Sender { get; init; }

    public List<ChatwootAttachment>? Attachments { get; init; }
}

/// <summary>A sender: contact (type absent in webhooks), <c>user</c> or <c>agent_bot</c>.</summary>
public sealed record ChatwootSender
{
    public int Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }
}

public sealed record ChatwootAttachment
{
    public int Id { get; init; }

    /// <summary><c>image</c>, <c>audio</c>, <c>video</c>, <c>file</c>, <c>location</c>, …</summary>
    public string? FileType { get; init; }

    public string? Extension { get; init; }

    public string? DataUrl { get; init; }

    public string? ThumbUrl { get; init; }

    public long? FileSize { get; init; }
}

public sealed record ChatwootMessageCreateRequest
{
    public string? Content { get; init; }

    public string MessageType { get; init; } = "outgoing";

    public bool Private { get; init; }

    public string? SourceId { get; init; }

    public string? ContentType { get; init; }

    public Dictionary<string, object?>? ContentAttributes { get; init; }
}

/// <summary><c>PATCH messages/{id}</c> (API inboxes only, Chatwoot ≥ 4.2).</summary>
public sealed record ChatwootMessageStatusRequest(string Status, string? ExternalError = null);

/// <summary>Messages list: <c>{"meta":{…},"payload":[…]}</c>.</summary>
public sealed record ChatwootMessageList
{
    public JsonElement? Meta { get; init; }

    public List<ChatwootMessage>? Payload { get; init; }
}
