using System.Text.Json;
using System.Text.Json.Serialization;
using Onboarding.Bridge.Clients.Chatwoot.Json;

namespace Onboarding.Bridge.Clients.Chatwoot.Dtos;

/// <summary>A conversation. <see cref="Id"/> is the per-account display id used by every route.</summary>
public sealed record ChatwootConversation
{
    public int Id { get; init; }

    public int AccountId { get; init; }

    public int InboxId { get; init; }

    /// <summary><c>open</c>, <c>pending</c>, <c>resolved</c> or <c>snoozed</c>.</summary>
    public string? Status { get; init; }

    public List<string>? Labels { get; init; }

    public Dictionary<string, JsonElement>? CustomAttributes { get; init; }

    public ChatwootConversationMeta? Meta { get; init; }

    /// <summary>Present in webhook payloads.</summary>
    public ChatwootContactInboxRef? ContactInbox { get; init; }

    [JsonConverter(typeof(FlexibleTimestampJsonConverter))]
    public DateTimeOffset? LastActivityAt { get; init; }
}

public sealed record ChatwootConversationMeta
{
    public ChatwootContact? Sender { get; init; }

    public ChatwootAgent? Assignee { get; init; }

    public ChatwootTeam? Team { get; init; }
}

public sealed record ChatwootContactInboxRef
{
    public int? ContactId { get; init; }

    public int? InboxId { get; init; }

    public string? SourceId { get; init; }
}

public sealed record ChatwootAgent
{
    public int Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Role { get; init; }
}

public sealed record ChatwootTeam
{
    public int Id { get; init; }

    public string? Name { get; init; }
}

public sealed record ChatwootConversationCreateRequest
{
    public required string SourceId { get; init; }

    public int? InboxId { get; init; }

    public int? ContactId { get; init; }

    /// <summary>Overridden by Chatwoot: an inbox with an active agent bot always starts <c>pending</c>.</summary>
    public string? Status { get; init; }

    public int? AssigneeId { get; init; }

    public int? TeamId { get; init; }

    public Dictionary<string, object?>? CustomAttributes { get; init; }

    public Dictionary<string, object?>? AdditionalAttributes { get; init; }
}

public sealed record ChatwootToggleStatusRequest(string Status);

/// <summary><c>{"meta":{},"payload":{"success","conversation_id","current_status"}}</c>; success is null on bot handoff.</summary>
public sealed record ChatwootToggleStatusResponse
{
    public ChatwootToggleStatusPayload? Payload { get; init; }
}

public sealed record ChatwootToggleStatusPayload
{
    public bool? Success { get; init; }

    public int ConversationId { get; init; }

    public string? CurrentStatus { get; init; }
}

/// <summary>Chatwoot ignores <c>team_id</c> when <c>assignee_id</c> is present: assign one per call.</summary>
public sealed record ChatwootAssignmentRequest
{
    public int? AssigneeId { get; init; }

    public int? TeamId { get; init; }
}

public sealed record ChatwootLabelsRequest(IReadOnlyList<string> Labels);

public sealed record ChatwootCustomAttributesRequest(IReadOnlyDictionary<string, object?> CustomAttributes);

public sealed record ChatwootCustomAttributesResponse
{
    public Dictionary<string, JsonElement>? CustomAttributes { get; init; }
}
