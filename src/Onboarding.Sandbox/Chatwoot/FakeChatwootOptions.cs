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

    /// <summary>
    /// Rack::Attack's <c>req/ip</c> throttle: at most this many requests per client address in each fixed
    /// <see cref="ThrottlePeriod"/>, then 429 (see <see cref="RackAttackThrottle"/>). Stock Chatwoot: 3,000 a minute
    /// (<c>RACK_ATTACK_LIMIT</c>). Null: no limit (the default).
    /// </summary>
    public int? RequestsPerPeriod { get; set; }

    /// <summary>The throttle's window (Rack::Attack's <c>period</c>; upstream one minute, shorter for tests).</summary>
    public TimeSpan ThrottlePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sends <c>Retry-After</c> (seconds to the window's end) with a 429, as Rack::Attack does with <c>throttled_response_retry_after_header</c>.</summary>
    public bool ThrottleRetryAfterHeader { get; set; } = true;

    /// <summary>
    /// Attachment types (media type, parameters ignored) refused with 422 <c>{"error":"Validation failed: Attachments
    /// file type not supported"}</c>, as <c>Attachmentable#validate_file_content_type</c> (chatwoot
    /// app/models/concerns/attachmentable.rb) does where it applies (upstream: WebWidget inboxes; a patched or proxied
    /// instance elsewhere). A deterministic refusal: the same file is refused on every retry.
    /// </summary>
    public IReadOnlySet<string> RefusedAttachmentTypes { get; set; } = new HashSet<string>();
}
