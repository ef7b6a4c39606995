namespace Onboarding.Bridge;

/// <summary>How the bridge paces and retries; every value has a production default.</summary>
public sealed class BridgeOptions
{
    public const string Section = "Bridge";

    /// <summary>The shortest key or token this service accepts for what it issues (API keys, link signing, webhook tokens).</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Messages older than this when first seen (e.g. history after a long outage) are not mirrored.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a failing inbound message or outbox row is retried before it is given up (dead letter).</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromHours(6);

    /// <summary>First retry delay; it doubles on each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Minimum gap between two WhatsApp sends to the same chat.</summary>
    public TimeSpan PerChatGap { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How many chats are processed at once by one replica.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Accept unsigned Chatwoot webhooks with <c>?token=</c> (Chatwoot before 4.12 does not sign).</summary>
    public string ChatwootWebhookToken { get; set; } = "";

    /// <summary>Maximum age of a signed Chatwoot webhook (replay window).</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>This service's public base URL: console links in notes and file links handed to Typebot.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Signs the expiring file links given to Typebot (required for files sent to the bot).</summary>
    public string MediaSigningKey { get; set; } = "";

    /// <summary>The largest file fetched by URL (agents' attachments, bot media); larger ones are refused (40 MB, like inbound).</summary>
    public long MaxFetchBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>How long fetching one file by URL may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a signed file link works.</summary>
    public TimeSpan MediaLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Inbound messages waiting for Chatwoot above which agents are alerted.</summary>
    public int BacklogAlertThreshold { get; set; } = 100;

    /// <summary>How often the catch-up job walks WPPConnect's chats for messages the webhooks did not bring.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Before mirroring a message a webhook brought moments ago, read its chat's latest messages once, so an earlier
    /// message whose webhook is still on its way (a file being decrypted) is mirrored first (docs/0031).
    /// </summary>
    public bool OrderPeek { get; set; } = true;

    /// <summary>How often the WhatsApp session state is checked.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the gauges are refreshed and due work is swept up.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long finished ledger and outbox rows are kept.</summary>
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Start a CLOSED WhatsApp session again from its saved login.</summary>
    public bool ReopenClosedSession { get; set; } = true;

    /// <summary>Run the clustered scheduler (catch-up, session health, sweep, retention) on this replica.</summary>
    public bool Scheduler { get; set; } = true;

    public TimeSpan Backoff(int attempts)
    {
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
