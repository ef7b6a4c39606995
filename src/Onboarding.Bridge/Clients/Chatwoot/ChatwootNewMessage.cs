namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// A message to create. <see cref="SourceId"/> tags it as ours (it comes back in webhooks, so echoes can be told apart);
/// with <see cref="Attachments"/> it is sent as multipart.
/// </summary>
public sealed record ChatwootNewMessage
{
    public string? Content { get; init; }

    /// <summary><c>incoming</c> (from the WhatsApp user) or <c>outgoing</c>.</summary>
    public string MessageType { get; init; } = "outgoing";

    /// <summary>A private note, visible to agents only.</summary>
    public bool Private { get; init; }

    public string? SourceId { get; init; }

    public IReadOnlyDictionary<string, object?>? ContentAttributes { get; init; }

    public IReadOnlyList<ChatwootUpload> Attachments { get; init; } = [];

    public static ChatwootNewMessage Incoming(string? content, string sourceId) =>
        new() { Content = content, MessageType = "incoming", SourceId = sourceId };

    public static ChatwootNewMessage Outgoing(string? content, string sourceId) =>
        new() { Content = content, MessageType = "outgoing", SourceId = sourceId };

    public static ChatwootNewMessage PrivateNote(string content, string? sourceId = null) =>
        new() { Content = content, MessageType = "outgoing", Private = true, SourceId = sourceId };
}

/// <summary>A file to attach.</summary>
public sealed record ChatwootUpload(byte[] Content, string FileName, string ContentType);
