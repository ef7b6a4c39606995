namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// What to do: on the WhatsApp lane a text, a file (by URL, with an optional caption) or a pause; on the Chatwoot
/// lane a message or note, a status, a team, labels or a message status.
/// </summary>
public sealed record OutboxPayload
{
    public string? Text { get; init; }
    public string? FileUrl { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }

    /// <summary>
    /// A single choice's options in order (bot replies): a transport with native buttons or lists shows them under
    /// <see cref="ChoiceBody"/>; <see cref="Text"/> keeps the numbered menu for the others and as the fallback.
    /// </summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The question the choice answers, without the numbered menu.</summary>
    public string? ChoiceBody { get; init; }

    /// <summary>
    /// Why the message is sent (<c>TemplatePurposes</c>: <c>status_notice.approved</c>, <c>document_reminder</c>,
    /// <c>nudge</c>): outside the Cloud API's 24-hour window it picks the template that goes instead (docs/0043).
    /// </summary>
    public string? Purpose { get; init; }

    /// <summary>The driver's language (<c>pt</c>, <c>en</c>), for the template's translation.</summary>
    public string? Language { get; init; }

    /// <summary>The message's values by name (<c>name</c>, <c>status</c>, <c>reason</c>, …), for the template's parameters.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>Show "typing…" before this send (bot replies).</summary>
    public bool Typing { get; init; }

    /// <summary>A pause between bot messages (a flow's Wait block).</summary>
    public int? PauseMs { get; init; }

    /// <summary>Chatwoot message: a private note rather than an outgoing message.</summary>
    public bool Private { get; init; }

    /// <summary>Chatwoot message: tags it as ours, so its webhook echo is ignored and a replay finds it.</summary>
    public string? SourceId { get; init; }

    /// <summary>Chatwoot conversation status (<c>open</c>, <c>pending</c>, <c>resolved</c>) or message status.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    public int? TeamId { get; init; }

    /// <summary>Chatwoot contact to delete (GDPR erasure).</summary>
    public int? ContactId { get; init; }
}

/// <summary>A row to enqueue.</summary>
public sealed record OutboxEntry(string DedupeKey, string WaChatId, string Kind, OutboxPayload Payload)
{
    private readonly string? _class;

    public string Lane { get; init; } = OutboxLanes.WhatsApp;

    /// <summary>
    /// The message class (<see cref="MessageClasses"/>): the Chatwoot lane is always <c>operations</c>; a WhatsApp row
    /// is a <c>reply</c> unless its enqueue site says it is a <c>service_notice</c>.
    /// </summary>
    public string Class
    {
        get => Lane == OutboxLanes.Chatwoot ? MessageClasses.Operations : _class ?? MessageClasses.Reply;
        init => _class = value;
    }

    public int? ChatwootConversationId { get; init; }
    public int? ChatwootMessageId { get; init; }
}

/// <summary>One outbox row as the dispatcher claims it.</summary>
public sealed record OutboxItem
{
    public long Id { get; init; }
    public string DedupeKey { get; init; } = "";
    public string WaChatId { get; init; } = "";
    public string Lane { get; init; } = OutboxLanes.WhatsApp;
    public string Kind { get; init; } = "";
    public string MessageClass { get; init; } = MessageClasses.Reply;
    public string Payload { get; init; } = "";
    public long? ChatwootConversationId { get; init; }
    public long? ChatwootMessageId { get; init; }
    public string State { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A chat's queue on one side: each lane keeps its own order and waits only for itself.</summary>
public readonly record struct OutboxLane(string WaChatId, string Lane)
{
    public string Key => Lane + ":" + WaChatId;
}

public static class OutboxLanes
{
    public const string WhatsApp = "whatsapp";
    public const string Chatwoot = "chatwoot";
}

public static class OutboxKinds
{
    // WhatsApp lane
    public const string Text = "text";
    public const string File = "file";
    public const string Pause = "pause";

    // Chatwoot lane
    public const string ChatwootMessage = "cw_message";
    public const string ChatwootStatus = "cw_status";
    public const string ChatwootTeam = "cw_team";
    public const string ChatwootLabels = "cw_labels";
    public const string ChatwootMessageStatus = "cw_message_status";

    /// <summary>Deletes a Chatwoot contact with its conversations (GDPR erasure; no conversation of its own).</summary>
    public const string ChatwootDeleteContact = "cw_delete_contact";
}
