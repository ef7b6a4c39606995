using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>Fails the boot with the name of the missing setting instead of failing at the first message.</summary>
public sealed class WppConnectOptionsValidator : IValidateOptions<WppConnectOptions>
{
    public ValidateOptionsResult Validate(string? name, WppConnectOptions options)
    {
        var failures = new List<string>();
        const string s = WppConnectOptions.Section;
        if (options.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add($"{s}:BaseUrl is required (an absolute http(s) URL).");
        }

        if (string.IsNullOrWhiteSpace(options.Session))
        {
            failures.Add($"{s}:Session is required.");
        }
        else if (options.Session.Contains(':') || options.Session.Contains('/'))
        {
            failures.Add($"{s}:Session must not contain ':' or '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretKey) && string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{s}:SecretKey or {s}:Token is required.");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookToken))
        {
            failures.Add($"{s}:WebhookToken is required.");
        }

        if (options.Http.AttemptTimeout <= TimeSpan.Zero || options.Http.SlowAttemptTimeout < options.Http.AttemptTimeout)
        {
            failures.Add($"{s}:Http timeouts must be positive, SlowAttemptTimeout >= AttemptTimeout.");
        }

        if (options.Http.MaxRetries < 0)
        {
            failures.Add($"{s}:Http:MaxRetries must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
