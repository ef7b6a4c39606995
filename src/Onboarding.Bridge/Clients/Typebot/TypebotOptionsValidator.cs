using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// Fails the boot with the name of the missing setting, but only when the bot is on (a base URL is set). The bot also
/// needs the URL Typebot calls us back on (<c>onboarding_api_url</c>: without it every registration fails inside the
/// flow) and the key that signs the file links a file input receives.
/// </summary>
public sealed class TypebotOptionsValidator(IOptions<BridgeOptions> bridge) : IValidateOptions<TypebotOptions>
{
    public ValidateOptionsResult Validate(string? name, TypebotOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        const string s = TypebotOptions.Section;
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{s}:BaseUrl must be an absolute http(s) URL.");
        }

        if ((options.OnboardingApiUrl ?? bridge.Value.PublicUrl) is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{s}:OnboardingApiUrl (or {BridgeOptions.Section}:PublicUrl, its default) must be an absolute http(s) URL: this API as Typebot reaches it, prefilled as onboarding_api_url for the flow's HTTP request block.");
        }

        if (bridge.Value.PublicUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{BridgeOptions.Section}:PublicUrl must be an absolute http(s) URL when the bot is on: files sent to a file input reach Typebot as links to it, and handoff notes link the console.");
        }

        if (bridge.Value.MediaSigningKey.Length < BridgeOptions.MinimumKeyLength)
        {
            failures.Add($"{BridgeOptions.Section}:MediaSigningKey must be at least {BridgeOptions.MinimumKeyLength} characters when the bot is on: it signs the file links a file input receives.");
        }

        if (options.Flows.Count == 0 && string.IsNullOrWhiteSpace(options.PublicId))
        {
            failures.Add($"{s}:PublicId is required (the published bot's public id), or {s}:Flows with one flow per language.");
        }

        for (var i = 0; i < options.Flows.Count; i++)
        {
            var flow = options.Flows[i];
            if (string.IsNullOrWhiteSpace(flow.Language) || string.IsNullOrWhiteSpace(flow.PublicId) || string.IsNullOrWhiteSpace(flow.Name))
            {
                failures.Add($"{s}:Flows:{i} needs Language, PublicId and Name.");
            }
        }

        if (options.HandoffKeywords.Any(string.IsNullOrWhiteSpace) || options.ResetKeywords.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{s}:HandoffKeywords and {s}:ResetKeywords must not contain empty keywords.");
        }

        if (options.SessionIdleMinutes <= 0)
        {
            failures.Add($"{s}:SessionIdleMinutes must be positive.");
        }

        if (options.DebounceMs < 0 || options.MaxWaitSeconds < 0)
        {
            failures.Add($"{s}:DebounceMs and {s}:MaxWaitSeconds must not be negative.");
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
