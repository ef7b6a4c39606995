using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>Fails the boot with the name of the missing setting, but only when the bot is on (a base URL is set).</summary>
public sealed class TypebotOptionsValidator : IValidateOptions<TypebotOptions>
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
