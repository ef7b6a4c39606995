using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>
/// With <c>WhatsApp:Transport=CloudApi</c>, fails the boot naming each missing setting (never printing a value); the
/// webhook's two secrets on every role, the sending settings and the templates only where the bridge sends.
/// </summary>
public sealed partial class CloudApiOptionsValidator(IOptions<WhatsAppOptions> whatsApp, bool sends) : IValidateOptions<CloudApiOptions>
{
    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex Version();

    public ValidateOptionsResult Validate(string? name, CloudApiOptions options)
    {
        if (!whatsApp.Value.IsCloudApi)
        {
            return ValidateOptionsResult.Success;
        }

        const string s = CloudApiOptions.Section;
        var failures = new List<string>();
        Require(failures, options.AppSecret, $"{s}:AppSecret", "the Meta app's secret, to check X-Hub-Signature-256");
        Require(failures, options.WebhookVerifyToken, $"{s}:WebhookVerifyToken", "the token of the webhook's verification handshake");
        if (!sends)
        {
            return Result(failures);
        }

        Require(failures, options.PhoneNumberId, $"{s}:PhoneNumberId", "the business phone number's Graph API id");
        Require(failures, options.AccessToken, $"{s}:AccessToken", "a system user's token with whatsapp_business_messaging");
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{s}:BaseUrl must be an absolute http(s) URL (https://graph.facebook.com).");
        }

        if (!Version().IsMatch(options.ApiVersion ?? ""))
        {
            failures.Add($"{s}:ApiVersion must look like v23.0.");
        }

        foreach (var purpose in options.RequiredPurposes)
        {
            if (options.TemplateFor(purpose, options.DefaultLanguage) is null)
            {
                failures.Add($"{s}:Templates:{purpose}:{options.DefaultLanguage}:Name is required: outside the 24-hour window only an approved template reaches the driver.");
            }
        }

        foreach (var (purpose, byLanguage) in options.Templates)
        {
            foreach (var (language, template) in byLanguage)
            {
                if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
                {
                    failures.Add($"{s}:Templates:{purpose}:{language} needs both Name and Language (Meta's code, e.g. pt_PT).");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.ListButton) || options.ListButton.Length > 20)
        {
            failures.Add($"{s}:ListButton must be 1 to 20 characters (Meta's limit for a list's button).");
        }

        if (options.Http.AttemptTimeout <= TimeSpan.Zero || options.Http.SlowAttemptTimeout < options.Http.AttemptTimeout)
        {
            failures.Add($"{s}:Http timeouts must be positive, SlowAttemptTimeout >= AttemptTimeout.");
        }

        return Result(failures);
    }

    private static void Require(List<string> failures, string? value, string setting, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required with WhatsApp:Transport=CloudApi ({what}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
