namespace Onboarding.Bridge.Outbox;

/// <summary>What to send to WhatsApp: a text, or a file (by URL to download, with an optional caption).</summary>
public sealed record OutboxPayload
{
    public string? Text { get; init; }
    public string? FileUrl { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
}

/// <summary>One outbox row as the dispatcher claims it.</summary>
public sealed class OutboxItem
{
    public long Id { get; init; }
    public string DedupeKey { get; init; } = "";
    public string WaChatId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Payload { get; init; } = "";
    public long? ChatwootConversationId { get; init; }
    public long? ChatwootMessageId { get; init; }
    public string State { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime CreatedAt { get; init; }
}

public static class OutboxKinds
{
    public const string Text = "text";
    public const string File = "file";
}
