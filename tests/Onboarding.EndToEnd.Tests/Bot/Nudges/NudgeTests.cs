using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot.Nudges;

/// <summary>
/// Abandoned applications (docs/0040): a driver who stops at a question is reminded at most twice, the first after
/// two hours, the last inside WhatsApp's 24-hour window, never while agents have the chat nor after "parar"; the
/// answer to a reminder continues the same Typebot session at the same question.
/// </summary>
[Collection(NudgeCollection.Name)]
public sealed class NudgeTests(NudgeFixture nudges) : BotContext(nudges)
{
    private const string AtTheNameQuestion = "«Nome completo»";

    private Nudger Nudger => nudges.Services.GetRequiredService<Nudger>();

    private Task<int> NudgeAsync() => Nudger.RunOnceAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_first_nudge_comes_after_two_hours_the_second_before_the_window_closes_and_no_third()
    {
        var (e164, phone) = await AtTheNameQuestionAsync();
        var before = phone.Received.Count;

        nudges.Clock.Advance(TimeSpan.FromMinutes(119));
        (await NudgeAsync()).ShouldBe(0);

        nudges.Clock.Advance(TimeSpan.FromMinutes(2));
        (await NudgeAsync()).ShouldBe(1);
        (await NudgeAsync()).ShouldBe(0);
        await Eventually.TrueAsync(() => phone.Received.Count == before + 1, "the first nudge");
        var first = phone.Received[^1].Body!;
        first.ShouldContain(AtTheNameQuestion);
        first.ShouldContain("PARAR");
        Transcript.Add("< (2 h) " + first);

        // With the job hourly, the second is due at 22 h (23 h less one interval), and none goes from 23 h on.
        nudges.Clock.Advance(TimeSpan.FromHours(22) - TimeSpan.FromMinutes(122));
        (await NudgeAsync()).ShouldBe(0);
        nudges.Clock.Advance(TimeSpan.FromMinutes(3));
        (await NudgeAsync()).ShouldBe(1);
        await Eventually.TrueAsync(() => phone.Received.Count == before + 2, "the second nudge");
        Transcript.Add("< (22 h) " + phone.Received[^1].Body);

        nudges.Clock.Advance(TimeSpan.FromMinutes(50));
        (await NudgeAsync()).ShouldBe(0);
        nudges.Clock.Advance(TimeSpan.FromHours(8));
        (await NudgeAsync()).ShouldBe(0);
        phone.Received.Count.ShouldBe(before + 2);

        var sent = await QueryAsync<(string Key, string Class)>(
            "SELECT dedupe_key, message_class FROM outbox WHERE dedupe_key LIKE 'nudge:%' AND lane = 'whatsapp' ORDER BY id");
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(r => r.Class == "service_notice");
        sent[0].Key.ShouldEndWith(":1");
        sent[1].Key.ShouldEndWith(":2");
        var window = await ScalarAsync<TimeSpan>(
            "SELECT v.last_nudge_at - v.input_since FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.phone_e164 = @e164", new { e164 });
        window.ShouldBeLessThan(TimeSpan.FromHours(23));
        await Eventually.TrueAsync(QuietAsync, "the nudges mirrored");
        ChatwootMessagesOf(e164).Count(m => m.Content?.Contains(AtTheNameQuestion, StringComparison.Ordinal) == true).ShouldBe(2);
    }

    [Fact]
    public async Task The_answer_to_a_nudge_continues_the_same_session_at_the_same_question_past_the_idle_limit()
    {
        var (e164, phone) = await AtTheNameQuestionAsync();
        var session = await SessionOfAsync(e164);
        nudges.Clock.Advance(TimeSpan.FromMinutes(121));
        (await NudgeAsync()).ShouldBe(1);

        // Ten hours after the question: past Typebot:SessionIdleMinutes (4 h) since the question and since the nudge,
        // but the chat may still be nudged, so the session is kept and the answer is the name.
        nudges.Clock.Advance(TimeSpan.FromHours(8));
        (await SayAsync(phone, "Maria da Silva Santos")).ShouldContain(r => r.Contains("NIF", StringComparison.Ordinal));

        (await SessionOfAsync(e164)).ShouldBe(session);
        (await ScalarAsync<bool>(
            "SELECT a.recovered_at IS NOT NULL FROM applications a JOIN contacts c ON c.id = a.contact_id WHERE c.phone_e164 = @e164", new { e164 })).ShouldBeTrue();
        (await ScalarAsync<int>(
            "SELECT v.nudges FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.phone_e164 = @e164", new { e164 })).ShouldBe(0);
    }

    [Fact]
    public async Task A_session_lost_on_typebots_side_starts_again_with_resume_at_the_question_group()
    {
        var (e164, phone) = await AtTheNameQuestionAsync();
        var session = await SessionOfAsync(e164);
        nudges.Clock.Advance(TimeSpan.FromMinutes(121));
        (await NudgeAsync()).ShouldBe(1);
        Bot.Typebot.Sessions.Delete(session);

        await SayAsync(phone, "Maria da Silva Santos");

        var renewed = await SessionOfAsync(e164);
        renewed.ShouldNotBe(session);
        Bot.Typebot.Sessions[renewed].Prefilled["resume_at"]!.ToString().ShouldBe("g_full_name");
    }

    [Fact]
    public async Task No_nudge_while_agents_have_the_conversation()
    {
        var (e164, phone) = await AtTheNameQuestionAsync();
        await SayAsync(phone, "agente");
        (await ModeOfAsync(e164)).ShouldBe("human");

        nudges.Clock.Advance(TimeSpan.FromHours(3));
        (await NudgeAsync()).ShouldBe(0);
        nudges.Clock.Advance(TimeSpan.FromHours(19));
        (await NudgeAsync()).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'nudge:%'")).ShouldBe(0);
    }

    [Fact]
    public async Task Parar_stops_nudges_for_good_is_answered_once_and_an_idle_session_then_starts_over()
    {
        var (e164, phone) = await AtTheNameQuestionAsync();

        (await SayAsync(phone, "Parar")).ShouldBe(["Combinado: não voltamos a enviar lembretes. As respostas sobre a sua candidatura continuam a chegar aqui."]);
        (await SayAsync(phone, "PARAR!", expectReply: false)).ShouldBeEmpty();
        (await ScalarAsync<bool>("SELECT nudges_stopped_at IS NOT NULL FROM contacts WHERE phone_e164 = @e164", new { e164 })).ShouldBeTrue();
        (await ModeOfAsync(e164)).ShouldBe("bot");

        nudges.Clock.Advance(TimeSpan.FromHours(3));
        (await NudgeAsync()).ShouldBe(0);
        nudges.Clock.Advance(TimeSpan.FromHours(19));
        (await NudgeAsync()).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'nudge:%'")).ShouldBe(0);

        // Without nudges to wait for, a session idle past Typebot:SessionIdleMinutes starts over, as before.
        (await SayAsync(phone, "Maria da Silva Santos")).ShouldContain(r => r.Contains("Aviso de privacidade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runs_at_once_send_one_nudge()
    {
        var (_, phone) = await AtTheNameQuestionAsync();
        var before = phone.Received.Count;
        nudges.Clock.Advance(TimeSpan.FromMinutes(121));

        var runs = await Task.WhenAll(NudgeAsync(), NudgeAsync(), NudgeAsync());
        runs.Sum().ShouldBe(1);
        (await NudgeAsync()).ShouldBe(0);

        await Eventually.TrueAsync(QuietAsync, "the nudge sent");
        phone.Received.Count.ShouldBe(before + 1);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'nudge:%' AND lane = 'whatsapp'")).ShouldBe(1);
    }

    /// <summary>A new driver accepts the privacy notice; the flow then waits for the full name.</summary>
    private async Task<(string E164, SimulatedPhone Phone)> AtTheNameQuestionAsync()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Maria");
        await SayAsync(phone, "Olá");
        (await SayAsync(phone, "1")).ShouldContain(r => r.Contains("nome completo", StringComparison.OrdinalIgnoreCase));
        return (e164, phone);
    }

    private Task<string> SessionOfAsync(string e164) =>
        ScalarAsync<string>("SELECT v.typebot_session_id FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.phone_e164 = @e164", new { e164 });
}
