namespace Onboarding.Api.Http;

/// <summary>Limits on who may call and how often (section <c>Protection</c>).</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>Requests per minute one client address may make to the webhook routes (WPPConnect and Chatwoot burst).</summary>
    public int WebhookPermitsPerMinute { get; set; } = 60_000;

    /// <summary>Requests per minute one client address may make to every other route without a valid key.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests per minute one API key (Typebot, staff) may make: high, a key is already trusted.</summary>
    public int KeyPermitsPerMinute { get; set; } = 300_000;

    /// <summary>When set, only these addresses or CIDR ranges (e.g. <c>10.0.0.0/8</c>) may call the webhook routes.</summary>
    public IList<string> WebhookAllowedNetworks { get; set; } = [];
}
