using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>Settings of the WPPConnect server (section <c>WppConnect</c>).</summary>
public sealed class WppConnectOptions
{
    public const string Section = "WppConnect";

    /// <summary>Server root, for example <c>http://wppconnect:21465</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Session name; tokens are bound to it, case-sensitive.</summary>
    public string Session { get; set; } = "";

    /// <summary>The server's <c>SECRET_KEY</c>, used to generate (and regenerate) the bearer token.</summary>
    public string? SecretKey { get; set; }

    /// <summary>A token issued beforehand; without a secret key it cannot be renewed.</summary>
    public string? Token { get; set; }

    /// <summary>Secret path segment of our <c>/webhooks/wppconnect/{token}</c> route.</summary>
    public string WebhookToken { get; set; } = "";

    public HttpCallOptions Http { get; set; } = new();
}
