using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>
/// Meta's WhatsApp Business Cloud API (section <c>WhatsApp:CloudApi</c>, docs/0042): the business phone number, the
/// system user's token, the app secret that signs webhooks and the token of the webhook's verification handshake.
/// </summary>
public sealed class CloudApiOptions
{
    public const string Section = "WhatsApp:CloudApi";

    /// <summary>The business phone number's id in the Graph API (not the phone number itself).</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>A system user's access token with <c>whatsapp_business_messaging</c>; sent as a bearer token.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The Meta app's secret: webhooks carry <c>X-Hub-Signature-256</c> = HMAC-SHA256 of the raw body with it.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>What Meta sends as <c>hub.verify_token</c> when the webhook is registered (chosen by us in the app dashboard).</summary>
    public string WebhookVerifyToken { get; set; } = "";

    /// <summary>The Graph API root (<c>https://graph.facebook.com</c>; the Sandbox's fake elsewhere).</summary>
    public Uri? BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version in every path, e.g. <c>v23.0</c>.</summary>
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>
    /// Hosts a media id's URL may point at (Meta serves files from <c>lookaside.fbsbx.com</c>); the bearer token is sent
    /// to these and to <see cref="BaseUrl"/> only.
    /// </summary>
    public List<string> MediaHosts { get; set; } = ["lookaside.fbsbx.com"];

    /// <summary>
    /// Pre-approved templates for messages outside the 24-hour window, by purpose (<see cref="TemplatePurposes"/>), then
    /// by our language (<c>pt</c>, <c>en</c>); e.g. <c>Templates:status_notice:pt:Name</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, CloudTemplate>> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Purposes that must have a template in <see cref="DefaultLanguage"/> at boot; unset: status notices, document
    /// reminders and nudges. Null by default because the configuration binder appends to a list it finds filled, so a
    /// default list could never be shortened; one empty entry demands none.
    /// </summary>
    public List<string>? RequiredTemplates { get; set; }

    /// <summary>The purposes <see cref="RequiredTemplates"/> names, or the three defaults.</summary>
    public IEnumerable<string> RequiredPurposes =>
        RequiredTemplates is { } required
            ? required.Where(p => !string.IsNullOrWhiteSpace(p))
            : [TemplatePurposes.StatusNotice, TemplatePurposes.DocumentReminder, TemplatePurposes.Nudge];

    /// <summary>The label of the button that opens a list of options (at most 20 characters).</summary>
    public string ListButton { get; set; } = "Ver opções";

    /// <summary>The language whose template is used when the driver's language has none.</summary>
    public string DefaultLanguage { get; set; } = "pt";

    public HttpCallOptions Http { get; set; } = new() { SlowAttemptTimeout = TimeSpan.FromSeconds(30) };

    /// <summary>The template for a purpose in a language: <c>status_notice.approved</c> falls back to <c>status_notice</c>, the language to the default.</summary>
    public CloudTemplate? TemplateFor(string? purpose, string? language)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            return null;
        }

        var dot = purpose.IndexOf('.', StringComparison.Ordinal);
        foreach (var key in dot > 0 ? new[] { purpose, purpose[..dot] } : [purpose])
        {
            if (Templates.TryGetValue(key, out var byLanguage)
                && ((language is not null && byLanguage.TryGetValue(language, out var t)) || byLanguage.TryGetValue(DefaultLanguage, out t))
                && !string.IsNullOrWhiteSpace(t.Name))
            {
                return t;
            }
        }

        return null;
    }
}

/// <summary>One approved message template: its name, Meta's language code, and which of our values fill <c>{{1}}</c>, <c>{{2}}</c>… of its body.</summary>
public sealed class CloudTemplate
{
    public string Name { get; set; } = "";

    /// <summary>Meta's language code of the approved translation (<c>pt_PT</c>, <c>en</c>, <c>en_US</c>).</summary>
    public string Language { get; set; } = "";

    /// <summary>Names of the message's values in body order (<c>name</c>, <c>status</c>, <c>reason</c>, <c>text</c>, …).</summary>
    public List<string> Parameters { get; set; } = [];
}

/// <summary>Why a WhatsApp message is sent, which picks its template when the 24-hour window is closed.</summary>
public static class TemplatePurposes
{
    /// <summary>A status decision (<c>status_notice.approved</c>, <c>status_notice.rejected</c>, …); values <c>name</c>, <c>status</c>, <c>reason</c>, <c>text</c>.</summary>
    public const string StatusNotice = "status_notice";

    /// <summary>A request or reminder for a missing or expiring document; values <c>name</c>, <c>document</c>, <c>text</c>.</summary>
    public const string DocumentReminder = "document_reminder";

    /// <summary>A nudge to a driver who stopped mid-registration; values <c>name</c>, <c>text</c>.</summary>
    public const string Nudge = "nudge";

    /// <summary>An agent's reply after the window closed (optional): a template inviting the driver to answer.</summary>
    public const string Reply = "reply";
}
