using Onboarding.Sandbox.Hosting;
namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>The bot fixture with the two shipped flows by language: Portuguese and English.</summary>
public sealed class LanguageBotFixture : BotFixture
{
    public const string EnglishPublicId = "driver-onboarding-en";

    protected override async Task StartExtrasAsync()
    {
        await base.StartExtrasAsync();
        Typebot.LoadFlow(EnglishPublicId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.en.json")));
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => base.ExtraSettings()
        .Concat(SandboxMode.ShippedFlowSettings(PublicId, EnglishPublicId).Select(s => KeyValuePair.Create(s.Key, s.Value!)));
}

[CollectionDefinition(Name)]
public sealed class LanguageBotCollection : ICollectionFixture<LanguageBotFixture>
{
    public const string Name = "language-bot";
}
