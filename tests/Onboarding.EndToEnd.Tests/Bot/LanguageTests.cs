using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>With a flow per language, a new driver is asked once, the choice is remembered, and a keyword switches.</summary>
[Collection(LanguageBotCollection.Name)]
public sealed class LanguageTests(LanguageBotFixture bot) : BotContext(bot)
{
    private const string EnglishWelcome = "I'm the delivery driver recruitment assistant";

    [Fact]
    public async Task A_new_driver_chooses_the_language_once_and_it_is_remembered_for_the_next_conversation()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "John");

        var question = (await SayAsync(phone, "Hello")).ShouldHaveSingleItem();
        question.ShouldContain("1. Português");
        question.ShouldContain("2. English");
        (await SayAsync(phone, "3")).ShouldHaveSingleItem().ShouldContain("2. English");

        (await SayAsync(phone, "2")).ShouldContain(r => r.Contains(EnglishWelcome, StringComparison.Ordinal));
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("en");

        // Agents take over and resolve; the driver writes again and gets the English flow without being asked.
        (await SayAsync(phone, "agente")).ShouldBe(["I'm passing the conversation to a colleague from the team. We'll reply as soon as we can."]);
        await Bot.Chatwoot.ResolveAsync(ConversationOf(e164)!.Id);
        await Onboarding.Tests.Shared.Eventually.TrueAsync(async () => await ModeOfAsync(e164) == "closed", "closed");
        (await SayAsync(phone, "Hi again")).ShouldContain(r => r.Contains(EnglishWelcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writing_a_language_name_switches_the_flow_at_any_point()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Ana");
        await SayAsync(phone, "Olá");
        (await SayAsync(phone, "1")).ShouldContain(r => r.Contains("Aviso de privacidade", StringComparison.Ordinal));

        (await SayAsync(phone, "Inglês")).ShouldContain(r => r.Contains(EnglishWelcome, StringComparison.Ordinal));
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("en");

        (await SayAsync(phone, "Português")).ShouldContain(r => r.Contains("Aviso de privacidade", StringComparison.Ordinal));
        (await ScalarAsync<string>("SELECT language FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBe("pt");
    }

    [Fact]
    public async Task A_driver_registers_in_english_and_hears_of_the_approval_in_english()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "John");
        await SayAsync(phone, "Hi");
        (await SayAsync(phone, "English")).ShouldContain(r => r.Contains("1. Continue", StringComparison.Ordinal));
        foreach (var answer in new[] { "1", "John Smith", "123456789", "john.smith@example.com", "14/03/1994", "11", "Amadora", "2700-123", "5", "AA-00-AA" })
        {
            await SayAsync(phone, answer);
        }

        (await SayAsync(phone, "L-1234567 8")).ShouldContain(r => r.Contains("(You can choose several", StringComparison.Ordinal));
        await SayAsync(phone, "2, 5");
        await SayAsync(phone, "PT50 0002 0123 1234 5678 9015 4");
        (await SayAsync(phone, "1, 5")).ShouldContain(r => r.StartsWith("Thank you, John!", StringComparison.Ordinal));

        var driver = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        (await QueryAsync<(string District, string Vehicle)>("SELECT district_code, vehicle_type FROM drivers WHERE id = @driver", new { driver }))
            .ShouldHaveSingleItem().ShouldBe(("PT-11", "car"));
        NotesOf(e164).ShouldHaveSingleItem().ShouldContain("John Smith");

        await ScalarAsync<int>(
            "UPDATE drivers SET status = 'approved', version = version + 1 WHERE id = @driver; INSERT INTO driver_status_history (driver_id, from_status, to_status, actor) VALUES (@driver, 'submitted', 'approved', 'staff')",
            new { driver });
        await Onboarding.Tests.Shared.Eventually.TrueAsync(() => phone.Received.Any(m => m.Body?.StartsWith("Congratulations, John!", StringComparison.Ordinal) == true),
            "the approval in English");
    }
}
