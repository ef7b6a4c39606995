namespace Onboarding.Sandbox.Chatwoot;

public sealed class FakeChatwootOptions
{
    /// <summary>0: the OS picks a free port.</summary>
    public int Port { get; set; }

    public int AccountId { get; set; } = 1;

    public string AccountName { get; set; } = "Léguas Franzinas";

    public int InboxId { get; set; } = 1;

    public string InboxName { get; set; } = "WhatsApp";

    /// <summary>An administrator user's access token.</summary>
    public string ApiToken { get; set; } = "cw-admin-token";

    /// <summary>The API inbox's <c>webhook_url</c>: it receives every event of the inbox.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The inbox <c>secret</c> that signs webhooks; null sends them unsigned (Chatwoot before 4.13).</summary>
    public string? WebhookSecret { get; set; } = "cw-inbox-secret";

    /// <summary>An agent bot is attached to the inbox: new conversations start <c>pending</c>.</summary>
    public bool InboxHasAgentBot { get; set; }

    /// <summary><c>CONVERSATION_MESSAGE_PER_MINUTE_LIMIT</c> (default 200, as upstream).</summary>
    public int MessagesPerMinutePerConversation { get; set; } = 200;

    /// <summary><c>WEBHOOK_TIMEOUT</c>.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per minute before 429 <c>Retry later</c> (rack-attack); null: no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// Attachment types (media type, parameters ignored) refused with 422 <c>{"error":"Validation failed: Attachments
    /// file type not supported"}</c>, as <c>Attachmentable#validate_file_content_type</c> (chatwoot
    /// app/models/concerns/attachmentable.rb) does where it applies (upstream: WebWidget inboxes; a patched or proxied
    /// instance elsewhere). A deterministic refusal: the same file is refused on every retry.
    /// </summary>
    public IReadOnlySet<string> RefusedAttachmentTypes { get; set; } = new HashSet<string>();
}
