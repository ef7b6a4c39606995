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

    /// <summary>
    /// Reverse proxies (addresses) whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; from anyone else those
    /// headers are ignored. With none, every client is the socket address.
    /// </summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>The same as CIDR ranges (e.g. the TLS proxy's container network).</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Who may read <c>/metrics</c>: addresses or CIDR ranges; empty means loopback and the private ranges. A request
    /// that came through a proxy (it carries forwarded headers) is refused whatever its address.
    /// </summary>
    public IList<string> MetricsAllowedNetworks { get; set; } = [];
}
