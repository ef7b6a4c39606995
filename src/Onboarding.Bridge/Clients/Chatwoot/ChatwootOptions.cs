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

    public HttpCallOptions Http { get; set; } = new();
}
