using Microsoft.Extensions.Options;
using Onboarding.Bridge.Tests.Harness;

namespace Onboarding.Bridge.Tests.Clients.Chatwoot;

public sealed class ChatwootOptionsTests
{
    [Fact]
    public async Task Missing_settings_fail_the_boot_naming_them()
    {
        await using var services = ClientHost.Build(new Dictionary<string, string?> { ["Chatwoot:BaseUrl"] = "http://127.0.0.1:1/" });

        var startup = await Should.ThrowAsync<AggregateException>(() => ClientHost.ValidateAsync(services));
        var messages = string.Join("\n", startup.InnerExceptions.OfType<OptionsValidationException>().Select(e => e.Message));

        messages.ShouldContain("Chatwoot:AccountId");
        messages.ShouldContain("Chatwoot:InboxId");
        messages.ShouldContain("Chatwoot:ApiToken");
        messages.ShouldContain("Chatwoot:WebhookSecret");
        messages.ShouldNotContain("Chatwoot:BaseUrl");
    }

    [Fact]
    public async Task A_url_token_stands_in_for_the_signing_secret_of_chatwoot_versions_that_do_not_sign()
    {
        await using var services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["Chatwoot:BaseUrl"] = "http://127.0.0.1:1/",
            ["Chatwoot:AccountId"] = "1",
            ["Chatwoot:InboxId"] = "1",
            ["Chatwoot:ApiToken"] = "token",
            ["Bridge:ChatwootWebhookToken"] = "a-long-random-url-token",
        });

        var failure = await Record.ExceptionAsync(() => ClientHost.ValidateAsync(services));

        var messages = failure is AggregateException all ? string.Join("\n", all.InnerExceptions.Select(e => e.Message)) : failure?.Message ?? "";
        messages.ShouldNotContain("Chatwoot:");
    }
}
