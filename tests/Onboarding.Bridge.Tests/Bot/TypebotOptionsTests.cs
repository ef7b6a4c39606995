using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Tests.Bot;

public sealed class TypebotOptionsTests
{
    [Fact]
    public async Task Without_a_base_url_the_bot_is_off_and_the_boot_does_not_fail()
    {
        await using var services = TypebotHost.Build(new Dictionary<string, string?>());

        await TypebotHost.ValidateAsync(services);

        var options = TypebotHost.Options(services);
        options.Enabled.ShouldBeFalse();
        options.HandoffKeywords.ShouldBe(["agente", "humano", "pessoa", "falar com alguém"]);
        options.ResetKeywords.ShouldBe(["reiniciar", "recomeçar"]);
        (options.SessionIdleMinutes, options.DebounceMs, options.MaxWaitSeconds).ShouldBe((240, 1500, 10));
    }

    [Fact]
    public async Task With_a_base_url_missing_settings_fail_the_boot_naming_them()
    {
        await using var services = TypebotHost.Build(new Dictionary<string, string?>
        {
            ["Typebot:BaseUrl"] = "http://127.0.0.1:1/",
            ["Typebot:SessionIdleMinutes"] = "0",
        });

        var startup = await Should.ThrowAsync<AggregateException>(() => TypebotHost.ValidateAsync(services));
        var messages = string.Join("\n", startup.InnerExceptions.OfType<OptionsValidationException>().Select(e => e.Message));

        messages.ShouldContain("Typebot:PublicId");
        messages.ShouldContain("Typebot:SessionIdleMinutes");
        messages.ShouldNotContain("Typebot:BaseUrl");
    }

    [Fact]
    public async Task With_a_base_url_the_boot_fails_without_a_callback_url_or_a_media_signing_key()
    {
        // What deploy/docker-compose.yml once shipped: the bot on, but no URL for onboarding_api_url and no signing key.
        await using var services = TypebotHost.Build(new Dictionary<string, string?>
        {
            ["Typebot:BaseUrl"] = "http://127.0.0.1:1/",
            ["Typebot:PublicId"] = "driver-onboarding",
            ["Bridge:PublicUrl"] = null,
            ["Bridge:MediaSigningKey"] = "short",
        });

        var startup = await Should.ThrowAsync<AggregateException>(() => TypebotHost.ValidateAsync(services));
        var messages = string.Join("\n", startup.InnerExceptions.OfType<OptionsValidationException>().Select(e => e.Message));

        messages.ShouldContain("Typebot:OnboardingApiUrl");
        messages.ShouldContain("Bridge:PublicUrl");
        messages.ShouldContain("Bridge:MediaSigningKey");
    }

    [Fact]
    public async Task Configured_keywords_replace_the_defaults()
    {
        await using var services = TypebotHost.Build(new Dictionary<string, string?>
        {
            ["Typebot:BaseUrl"] = "http://127.0.0.1:1/",
            ["Typebot:PublicId"] = "driver-onboarding",
            ["Typebot:HandoffKeywords:0"] = "operador",
        });

        await TypebotHost.ValidateAsync(services);

        TypebotHost.Options(services).Enabled.ShouldBeTrue();
        TypebotHost.Options(services).HandoffKeywords.ShouldBe(["operador"]);
    }
}
