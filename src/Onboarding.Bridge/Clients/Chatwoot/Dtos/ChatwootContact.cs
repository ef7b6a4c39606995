using System.Text.Json;

namespace Onboarding.Bridge.Clients.Chatwoot.Dtos;

/// <summary>A contact (REST partial; also <c>meta.sender</c> of a conversation and a contact message sender).</summary>
public sealed record ChatwootContact
{
    public int Id { get; init; }

    public string? Name { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Email { get; init; }

    public string? Identifier { get; init; }

    public Dictionary<string, JsonElement>? CustomAttributes { get; init; }

    public Dictionary<string, JsonElement>? AdditionalAttributes { get; init; }

    public List<ChatwootContactInbox>? ContactInboxes { get; init; }
}

/// <summary>The link between a contact and an inbox; <see cref="SourceId"/> is free text in API inboxes.</summary>
public sealed record ChatwootContactInbox
{
    public string? SourceId { get; init; }

    public ChatwootInbox? Inbox { get; init; }
}

public sealed record ChatwootInbox
{
    public int Id { get; init; }

    public string? Name { get; init; }

    public string? ChannelType { get; init; }
}

/// <summary><c>POST contacts</c>: top-level <c>inbox_id</c> + <c>source_id</c> also create the contact_inbox.</summary>
public sealed record ChatwootContactCreateRequest
{
    public int? InboxId { get; init; }

    public string? Name { get; init; }

    /// <summary>E.164 with <c>+</c>; Chatwoot rejects anything else with 422.</summary>
    public string? PhoneNumber { get; init; }

    public string? Identifier { get; init; }

    public string? SourceId { get; init; }

    public Dictionary<string, object?>? CustomAttributes { get; init; }

    public Dictionary<string, object?>? AdditionalAttributes { get; init; }
}

/// <summary><c>POST contacts</c> answer, wrapped in <c>payload</c> (swagger's <c>extended_contact</c> is wrong here).</summary>
public sealed record ChatwootContactCreated
{
    public ChatwootContactCreatedPayload? Payload { get; init; }
}

public sealed record ChatwootContactCreatedPayload
{
    public ChatwootContact? Contact { get; init; }

    public ChatwootContactInbox? ContactInbox { get; init; }
}

public sealed record ChatwootContactInboxRequest(int InboxId, string SourceId);
