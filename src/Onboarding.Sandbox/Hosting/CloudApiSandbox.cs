using System.Globalization;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Sandbox.Hosting;

/// <summary>
/// The Sandbox over the Cloud API (<c>./run.sh --cloud-api</c>, <c>WhatsApp:Transport=CloudApi</c>): the fake Graph API
/// in place of the WPPConnect fake, its approved templates, and the host's settings pointed at it.
/// </summary>
public static class CloudApiSandbox
{
    public const string Transport = "CloudApi";

    /// <summary>
    /// One approved template per purpose the bridge sends outside the 24-hour window, in Portuguese and English, each
    /// with the driver's name and the notice's text as <c>{{1}}</c> and <c>{{2}}</c>; the fake and the host get the same
    /// list, so a template the host names exists in the fake.
    /// </summary>
    public static readonly IReadOnlyList<(string Purpose, string Language, string MetaLanguage, FakeCloudTemplate Template)> Templates =
    [
        ("status_notice", "pt", "pt_PT", new("onboarding_status_notice", "pt_PT", 2) { Body = "Olá {{1}}, há novidades na sua candidatura: {{2}}" }),
        ("status_notice", "en", "en", new("onboarding_status_notice", "en", 2) { Body = "Hello {{1}}, there is news about your application: {{2}}" }),
        ("document_reminder", "pt", "pt_PT", new("onboarding_document_reminder", "pt_PT", 2) { Body = "Olá {{1}}, falta-nos um documento: {{2}}" }),
        ("document_reminder", "en", "en", new("onboarding_document_reminder", "en", 2) { Body = "Hello {{1}}, we are missing a document: {{2}}" }),
        ("nudge", "pt", "pt_PT", new("onboarding_nudge", "pt_PT", 2) { Body = "Olá {{1}}, {{2}}" }),
        ("nudge", "en", "en", new("onboarding_nudge", "en", 2) { Body = "Hello {{1}}, {{2}}" }),
    ];

    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration["WhatsApp:Transport"], Transport, StringComparison.OrdinalIgnoreCase);

    public static FakeCloudApiOptions Options(int port, Uri hostUrl, string appSecret) => new()
    {
        Port = port,
        WebhookUrl = new Uri(hostUrl, "/webhooks/cloudapi"),
        AppSecret = appSecret,
        AccessToken = "EAA" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
        Templates = Templates.Select(t => t.Template).ToList(),
    };

    /// <summary>
    /// The host's Cloud API settings (section <c>WhatsApp:CloudApi</c>): the fake's ids and secrets, its URL and Graph
    /// version, and the templates by purpose and language.
    /// </summary>
    public static Dictionary<string, string?> HostSettings(FakeCloudApi fake, string verifyToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WhatsApp:Transport"] = Transport,
            ["WhatsApp:CloudApi:PhoneNumberId"] = fake.PhoneNumberId,
            ["WhatsApp:CloudApi:AccessToken"] = fake.AccessToken,
            ["WhatsApp:CloudApi:AppSecret"] = fake.AppSecret,
            ["WhatsApp:CloudApi:WebhookVerifyToken"] = verifyToken,
            ["WhatsApp:CloudApi:BaseUrl"] = fake.BaseUrl.ToString(),
            ["WhatsApp:CloudApi:ApiVersion"] = fake.GraphApiVersion,
        };
        foreach (var (purpose, language, metaLanguage, template) in Templates)
        {
            var key = $"WhatsApp:CloudApi:Templates:{purpose}:{language}";
            settings[$"{key}:Name"] = template.Name;
            settings[$"{key}:Language"] = metaLanguage;
            settings[$"{key}:Parameters:0"] = "name";
            settings[$"{key}:Parameters:1"] = "text";
        }

        return settings;
    }

    /// <summary>The app dashboard's "Verify and save", once the host listens; the result is printed under the banner.</summary>
    public static async Task VerifyCallbackAsync(FakeCloudApi fake, string verifyToken)
    {
        try
        {
            var verified = await fake.VerifyCallbackAsync(verifyToken);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Cloud API webhook verification (hub.challenge): {(verified ? "passed" : "FAILED: the host did not echo the challenge")}"));
        }
        catch (HttpRequestException e)
        {
            await Console.Out.WriteLineAsync($"  Cloud API webhook verification: FAILED ({e.Message})");
        }
    }
}
