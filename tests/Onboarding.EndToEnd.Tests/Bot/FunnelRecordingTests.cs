using Npgsql;
using Onboarding.Data.Applications;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>
/// What the funnel records of a real conversation with the shipped flow (docs/0037): the first contact, the session,
/// each question the chat API asked and when it was answered, the question the session waits on, the registration
/// and the handoff, all from the router's and the registration's own transactions.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class FunnelRecordingTests(BotFixture bot) : BotContext(bot)
{
    [Fact]
    public async Task A_conversation_records_its_questions_the_pending_one_and_then_the_registration()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Maria");

        await SayAsync(phone, "Olá");
        await SayAsync(phone, "1");
        await SayAsync(phone, "Maria da Silva Santos");

        var chat = await ScalarAsync<string>("SELECT wa_chat_id FROM contacts WHERE phone_e164 = @e164", new { e164 });
        var questions = await QueryAsync<(string BlockId, bool Answered)>(
            "SELECT q.block_id, q.answered_at IS NOT NULL FROM application_questions q ORDER BY q.reached_at, q.block_id");
        questions.ShouldBe([("b_privacy_choice", true), ("b_full_name_input", true), ("b_nif_input", false)]);
        var pending = await PendingAsync(chat);
        pending.ShouldNotBeNull();
        pending.BlockId.ShouldBe("b_nif_input");
        pending.Language.ShouldBe("pt");
        (await ScalarAsync<long>("SELECT count(*) FROM applications WHERE first_contact_at IS NOT NULL AND bot_started_at >= first_contact_at AND submitted_at IS NULL")).ShouldBe(1);

        foreach (var answer in new[] { "123456789", "maria.santos@example.pt", "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(phone, answer);
        }

        (await SayAsync(phone, "Manhãs, Fins de semana")).ShouldContain(r => r.StartsWith("Obrigado, Maria!", StringComparison.Ordinal));
        var driverId = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        (await ScalarAsync<Guid>("SELECT driver_id FROM applications WHERE submitted_at IS NOT NULL AND handoff_at IS NOT NULL AND district_code = 'PT-11'")).ShouldBe(driverId);
        (await ScalarAsync<long>("SELECT count(*) FROM application_questions")).ShouldBe(14);
        (await ScalarAsync<long>("SELECT sum(reached) FROM funnel_question_days")).ShouldBe(14);
        (await PendingAsync(chat)).ShouldBeNull();
    }

    private async Task<PendingQuestion?> PendingAsync(string chat)
    {
        await using var connection = new NpgsqlConnection(Bot.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return await ApplicationProgress.PendingQuestionAsync(connection, chat, TestContext.Current.CancellationToken);
    }
}
