using System.Globalization;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bench.Hosting;

/// <summary>
/// The host's configuration as environment variables (<c>Section__Key</c>), as a deployment would give it: both roles,
/// a staff and a Typebot key, WPPConnect and Chatwoot pointed at the fakes (and the Cloud API, when the rig runs it).
/// Bridge settings keep their production defaults unless a scenario overrides them.
/// </summary>
public static class HostSettings
{
    public const string WebhookToken = "bench-wpp-webhook-token";
    public const string ChatwootSecret = "bench-chatwoot-secret";
    public const string StaffKey = "bench-staff-key-0123456789";
    public const string TypebotKey = "bench-typebot-key-0123456789";

    // Production refuses example and short secrets (WPPConnect's default THISISMYSECURETOKEN among them): the fakes
    // get secrets of their own. Chatwoot's tokens are 24 characters.
    public const string WppSecretKey = "bench-wpp-secret-key-0123456789";
    public const string ChatwootApiToken = "benchChatwootToken012345";
    public const string CloudApiAppSecret = "bench-cloud-api-app-secret-0123456789";
    public const string CloudApiVerifyToken = "bench-cloud-api-verify-token-0123456789";

    /// <summary>
    /// The only departures from production settings. Both fakes post their webhooks from 127.0.0.1, where production
    /// has two addresses with a webhook budget each, so the webhook limit is doubled; and the per-key limit (5,000
    /// requests/s) is lifted so a load run measures the route, not the limiter that protects it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        ["Protection__WebhookPermitsPerMinute"] = "120000",
        ["Protection__KeyPermitsPerMinute"] = "100000000",
    };

    /// <summary>
    /// Load runs measure the host, not the budgets that protect the upstreams: the WhatsApp governor (30 replies a
    /// minute, typing time before each text; docs/0027) and the Chatwoot request budget (2,400 a minute; docs/0030) are
    /// off for them. The fault suite keeps both on.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UpstreamBudgetsOff = new Dictionary<string, string>
    {
        ["Governor__Enabled"] = "false",
        ["Chatwoot__RequestsPerMinute"] = "0",
    };

    /// <summary><paramref name="extra"/> over <see cref="UpstreamBudgetsOff"/>: the settings of a load run.</summary>
    public static Dictionary<string, string> ForLoadRun(IReadOnlyDictionary<string, string> extra) => Over(UpstreamBudgetsOff, extra);

    /// <summary><paramref name="settings"/> with <paramref name="extra"/> over them (a key in both takes the extra value).</summary>
    public static Dictionary<string, string> Over(IEnumerable<KeyValuePair<string, string>> settings, IReadOnlyDictionary<string, string> extra) =>
        settings.Concat(extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    public static Dictionary<string, string> For(
        string connectionString, FakeWppConnect wpp, FakeChatwoot chatwoot, FakeCloudApi? cloud, IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Onboarding"] = connectionString,
            ["Api__Keys__0__Name"] = "bench-staff",
            ["Api__Keys__0__Key"] = StaffKey,
            ["Api__Keys__0__Role"] = "staff",
            ["Api__Keys__1__Name"] = "bench-typebot",
            ["Api__Keys__1__Key"] = TypebotKey,
            ["Api__Keys__1__Role"] = "typebot",
            ["Onboarding__Roles"] = "api,bridge",
            ["WppConnect__BaseUrl"] = wpp.BaseUrl.ToString(),
            ["WppConnect__Session"] = wpp.Session,
            ["WppConnect__SecretKey"] = wpp.SecretKey,
            ["WppConnect__WebhookToken"] = WebhookToken,
            ["Chatwoot__BaseUrl"] = chatwoot.BaseUrl.ToString(),
            ["Chatwoot__AccountId"] = chatwoot.AccountId.ToString(CultureInfo.InvariantCulture),
            ["Chatwoot__InboxId"] = chatwoot.InboxId.ToString(CultureInfo.InvariantCulture),
            ["Chatwoot__ApiToken"] = chatwoot.ApiToken,
            ["Chatwoot__WebhookSecret"] = ChatwootSecret,
        };
        foreach (var (key, value) in RaisedLimits)
        {
            settings[key] = value;
        }

        if (cloud is not null)
        {
            // WhatsApp:Transport=CloudApi and the fake's ids, secrets, URL and templates, as the Sandbox gives them.
            foreach (var (key, value) in CloudApiSandbox.HostSettings(cloud, CloudApiVerifyToken))
            {
                settings[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
            }
        }

        foreach (var (key, value) in overrides)
        {
            // "Key+" appends to the value (e.g. options on the connection string); "Key" replaces it.
            if (key.EndsWith('+'))
            {
                settings[key[..^1]] = settings.GetValueOrDefault(key[..^1], "") + value;
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
