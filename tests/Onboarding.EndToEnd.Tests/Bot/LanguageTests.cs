using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>With a flow per language, a new driver is asked once, the choice is remembered, and a keyword switches.</summary>
[Collection(LanguageBotCollection.Name)]
public sealed class LanguageTests(LanguageBotFixture bot) : BotContext(bot)
{
    private const string EnglishFirst = "Envie uma foto da sua carta de condução.";

    [Fact]
    public async Task A_new_driver_chooses_the_language_once_and_it_is_remembered_for_the_next_conversation()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "John");

        var question = (await SayAsync(phone, "Hello")).ShouldHaveSingleItem();
        question.ShouldContain("1. Português");
        question.ShouldContain("2. English");
        (await SayAsync(phone, "3")).ShouldHaveSingleItem().ShouldContain("2. English");

        (await SayAsync(phone, "2")).ShouldBe([EnglishFirst]);
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("en");

        // Agents take over and resolve; the driver writes again and gets the English flow without being asked.
        await SayAsync(phone, "agente");
        await Bot.Chatwoot.ResolveAsync(ConversationOf(e164)!.Id);
        await Onboarding.Tests.Shared.Eventually.TrueAsync(async () => await ModeOfAsync(e164) == "closed", "closed");
        (await SayAsync(phone, "Hi again")).ShouldBe([EnglishFirst]);
    }

    [Fact]
    public async Task Writing_a_language_name_switches_the_flow_at_any_point()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Ana");
        await SayAsync(phone, "Olá");
        (await SayAsync(phone, "1")).ShouldContain(r => r.Contains("Aviso de privacidade", StringComparison.Ordinal));

        (await SayAsync(phone, "Inglês")).ShouldBe([EnglishFirst]);
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("en");

        (await SayAsync(phone, "Português")).ShouldContain(r => r.Contains("Aviso de privacidade", StringComparison.Ordinal));
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("pt");
    }
}
