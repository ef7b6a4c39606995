using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Chatwoot;

/// <summary>A contact of the fake account.</summary>
public sealed class CwContact
{
    public required int Id { get; init; }

    public string? Name { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? Identifier { get; set; }

    public JsonObject CustomAttributes { get; set; } = [];

    public JsonObject AdditionalAttributes { get; set; } = [];

    public long CreatedAt { get; init; }
}

/// <summary>A (contact, inbox, source_id) link; unique by (inbox, source_id).</summary>
public sealed record CwContactInbox(int Id, int ContactId, int InboxId, string SourceId);

public sealed class CwConversation
{
    /// <summary>The per-account display id.</summary>
    public required int Id { get; init; }

    public required int ContactId { get; init; }

    public required CwContactInbox ContactInbox { get; init; }

    public string Status { get; set; } = "open";

    public int? AssigneeId { get; set; }

    public int? TeamId { get; set; }

    public List<string> Labels { get; set; } = [];

    public JsonObject CustomAttributes { get; set; } = [];

    public long CreatedAt { get; init; }

    public long LastActivityAt { get; set; }

    public string Uuid { get; } = Guid.NewGuid().ToString();
}

public sealed class CwMessage
{
    public required int Id { get; init; }

    public required int ConversationId { get; init; }

    public string? Content { get; init; }

    /// <summary><c>incoming</c>, <c>outgoing</c>, <c>template</c>.</summary>
    public required string MessageType { get; init; }

    public bool Private { get; init; }

    public string Status { get; set; } = "sent";

    public string? SourceId { get; init; }

    public JsonObject ContentAttributes { get; set; } = [];

    /// <summary><c>Contact</c>, <c>User</c> or null.</summary>
    public string? SenderType { get; init; }

    public int? SenderId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<CwAttachment> Attachments { get; init; } = [];

    public int MessageTypeCode => MessageType switch { "incoming" => 0, "outgoing" => 1, "activity" => 2, _ => 3 };
}

public sealed record CwAttachment(int Id, int MessageId, string FileType, string ContentType, string FileName, byte[] Content);
