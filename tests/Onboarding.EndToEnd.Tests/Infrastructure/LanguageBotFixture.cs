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

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => base.ExtraSettings().Concat(new Dictionary<string, string>
    {
        ["Typebot:Flows:0:Language"] = "pt",
        ["Typebot:Flows:0:PublicId"] = PublicId,
        ["Typebot:Flows:0:Name"] = "Português",
        ["Typebot:Flows:0:Keywords:0"] = "portuguese",
        ["Typebot:Flows:1:Language"] = "en",
        ["Typebot:Flows:1:PublicId"] = EnglishPublicId,
        ["Typebot:Flows:1:Name"] = "English",
        ["Typebot:Flows:1:Keywords:0"] = "inglês",
    });
}

[CollectionDefinition(Name)]
public sealed class LanguageBotCollection : ICollectionFixture<LanguageBotFixture>
{
    public const string Name = "language-bot";
}
