using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>Fails the boot with the name of the missing setting.</summary>
public sealed class ChatwootOptionsValidator(IOptions<BridgeOptions> bridge) : IValidateOptions<ChatwootOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatwootOptions options)
    {
        var failures = new List<string>();
        const string s = ChatwootOptions.Section;
        if (options.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add($"{s}:BaseUrl is required (an absolute http(s) URL).");
        }

        if (options.AccountId <= 0)
        {
            failures.Add($"{s}:AccountId is required (a positive number).");
        }

        if (options.InboxId <= 0)
        {
            failures.Add($"{s}:InboxId is required (a positive number).");
        }

        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            failures.Add($"{s}:ApiToken is required.");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret) && string.IsNullOrWhiteSpace(bridge.Value.ChatwootWebhookToken))
        {
            // Chatwoot 4.12+ signs webhooks with the secret; older versions only reach us with a token in the URL.
            failures.Add($"{s}:WebhookSecret is required (or {BridgeOptions.Section}:ChatwootWebhookToken for Chatwoot versions that do not sign webhooks).");
        }

        if (options.TeamId is <= 0)
        {
            failures.Add($"{s}:TeamId must be a positive number when set.");
        }

        if (options.Labels.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{s}:Labels must not contain empty labels.");
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
