using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>Settings of the Chatwoot account and API inbox (section <c>Chatwoot</c>).</summary>
public sealed class ChatwootOptions
{
    public const string Section = "Chatwoot";

    public Uri? BaseUrl { get; set; }

    /// <summary>Chatwoot's public URL when it differs from <see cref="BaseUrl"/> (its attachment links use it).</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Origins Chatwoot's attachment links redirect to (its ActiveStorage service: S3, GCS, …), e.g. <c>https://bucket.s3.eu-west-1.amazonaws.com</c>.</summary>
    public IList<string> StorageHosts { get; set; } = [];

    public int AccountId { get; set; }

    /// <summary>The API inbox (<c>Channel::Api</c>) that mirrors WhatsApp.</summary>
    public int InboxId { get; set; }

    /// <summary>An administrator user's access token (bot tokens cannot reach contacts or message status).</summary>
    public string ApiToken { get; set; } = "";

    /// <summary>The inbox's webhook signing secret (or, before Chatwoot 4.13, the token in our webhook URL).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Team that receives conversations handed to humans; none when not set.</summary>
    public int? TeamId { get; set; }

    /// <summary>A conversation (e.g. with an internal "Operações" contact) where the bridge posts its alerts as private notes.</summary>
    public int? OperationsConversationId { get; set; }

    /// <summary>Labels added on handoff.</summary>
    public IList<string> Labels { get; set; } = [];

    /// <summary>
    /// Requests a minute to Chatwoot from all replicas together (docs/0030): under a stock Chatwoot's 3,000 a minute per
    /// client address (Rack::Attack). 0: no budget (a Chatwoot that allow-lists the bridge's address).
    /// </summary>
    public int RequestsPerMinute { get; set; } = 2400;

    /// <summary>The local address calls to Chatwoot leave from (the one Chatwoot allow-lists or counts); unset: the system's choice.</summary>
    public string? LocalAddress { get; set; }

    public HttpCallOptions Http { get; set; } = new();
}
