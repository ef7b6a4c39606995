using System.Text.Json;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>
/// The product end to end: a new WhatsApp number meets the shipped Typebot flow (emulated), registers through the
/// real API, is handed to agents once with a summary note, talks to an agent, and meets the bot again after the
/// agent resolves the conversation.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class BotConversationTests(BotFixture bot) : BotContext(bot)
{
    private const string Privacy = "Aviso de privacidade";

    [Fact]
    public async Task A_new_driver_registers_with_the_bot_is_handed_to_agents_once_is_told_of_the_approval_and_then_goes_straight_to_agents()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Maria");

        (await SayAsync(phone, "Olá")).ShouldContain(r => r.Contains(Privacy, StringComparison.Ordinal) && r.Contains("1. Continuar", StringComparison.Ordinal));
        (await ModeOfAsync(e164)).ShouldBe("bot");
        ConversationOf(e164)!.Status.ShouldBe("pending");

        (await SayAsync(phone, "1")).ShouldContain(r => r.Contains("nome completo", StringComparison.OrdinalIgnoreCase));
        foreach (var answer in new[] { "Maria da Silva Santos", "123456780", "maria.santos@example.pt", "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(phone, answer);
        }

        // The last answer sends the registration; the API finds the NIF typo and the flow asks for it again.
        (await SayAsync(phone, "Manhãs, Fins de semana")).ShouldContain(r => r.Contains("NIF", StringComparison.Ordinal));
        (await ScalarAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
        (await SayAsync(phone, "123456789")).ShouldContain(r => r.StartsWith("Obrigado, Maria!", StringComparison.Ordinal));

        var driverId = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        (await ModeOfAsync(e164)).ShouldBe("human");
        var note = NotesOf(e164).ShouldHaveSingleItem();
        note.ShouldContain(driverId.ToString());
        note.ShouldContain("Maria da Silva Santos");
        note.ShouldNotContain("123456789");
        note.ShouldNotContain("PT50000201231234567890154");
        note.ShouldContain("/console#/drivers/" + driverId);
        var conversation = ConversationOf(e164)!;
        conversation.Status.ShouldBe("open");
        conversation.TeamId.ShouldBe(1);
        conversation.Labels.ShouldContain("candidatura");

        // While agents have it, the bot stays silent and the driver's words reach Chatwoot.
        (await SayAsync(phone, "Obrigada!", expectReply: false)).ShouldBeEmpty();
        ChatwootMessagesOf(e164).Last(m => !m.Private).Content.ShouldBe("Obrigada!");

        await Bot.Chatwoot.AgentReplyAsync(conversation.Id, "Olá Maria, bem-vinda! Vamos rever os seus documentos.");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Olá Maria, bem-vinda! Vamos rever os seus documentos."), "the agent's reply");
        Transcript.Add("< (agente) Olá Maria, bem-vinda! Vamos rever os seus documentos.");

        // Staff approve in the records API: the driver is told on WhatsApp, once per change.
        JsonDocument.Parse(await ChangeStatusAsync(driverId, "under_review")).RootElement.GetProperty("status").GetString().ShouldBe("under_review");
        JsonDocument.Parse(await ChangeStatusAsync(driverId, "approved")).RootElement.GetProperty("status").GetString().ShouldBe("approved");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body?.StartsWith("Parabéns, Maria!", StringComparison.Ordinal) == true), "the approval notice");
        Transcript.Add("< " + phone.Received.Last(m => m.Body?.Contains("analisada", StringComparison.Ordinal) == true).Body);
        Transcript.Add("< " + phone.Received.Last(m => m.Body?.StartsWith("Parabéns", StringComparison.Ordinal) == true).Body);
        phone.Received.Count(m => m.Body?.StartsWith("Parabéns, Maria!", StringComparison.Ordinal) == true).ShouldBe(1);

        await Bot.Chatwoot.ResolveAsync(conversation.Id);
        await Eventually.TrueAsync(async () => await ModeOfAsync(e164) == "closed", "closed on resolution");

        // An approved driver who writes again goes straight to agents; a driver still in review meets the bot.
        (await SayAsync(phone, "Olá de novo", expectReply: false)).ShouldBeEmpty();
        (await ModeOfAsync(e164)).ShouldBe("human");
        NotesOf(e164).Count.ShouldBe(2);
        NotesOf(e164)[1].ShouldContain("condutor já aprovado");
        NotesOf(e164).Count(n => n.Contains("o fluxo do bot terminou", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task After_an_agent_resolves_a_driver_who_is_not_approved_meets_the_bot_again()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        await SayAsync(phone, "Olá");
        await SayAsync(phone, "agente");
        await Bot.Chatwoot.ResolveAsync(ConversationOf(e164)!.Id);
        await Eventually.TrueAsync(async () => await ModeOfAsync(e164) == "closed", "closed on resolution");

        (await SayAsync(phone, "Bom dia")).ShouldContain(r => r.Contains(Privacy, StringComparison.Ordinal));
        (await ModeOfAsync(e164)).ShouldBe("bot");
    }

    [Fact]
    public async Task The_handoff_keyword_hands_over_once_and_the_bot_then_stays_silent()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        await SayAsync(phone, "Olá");

        var replies = await SayAsync(phone, "Agente!");

        replies.ShouldBe(["Vou passar a conversa a um colega da equipa. Responderemos assim que possível."]);
        (await ModeOfAsync(e164)).ShouldBe("human");
        NotesOf(e164).ShouldHaveSingleItem().ShouldContain("o condutor pediu para falar com uma pessoa");
        (await SayAsync(phone, "1", expectReply: false)).ShouldBeEmpty();
        (await SayAsync(phone, "agente", expectReply: false)).ShouldBeEmpty();
        NotesOf(e164).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_agent_writing_in_a_bot_conversation_takes_it_over()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        await SayAsync(phone, "Olá");

        await Bot.Chatwoot.AgentReplyAsync(ConversationOf(e164)!.Id, "Olá Rui, sou a Ana.");
        await Eventually.TrueAsync(async () => phone.Received.Any(m => m.Body == "Olá Rui, sou a Ana.") && await QuietAsync(), "the agent's message");

        (await ModeOfAsync(e164)).ShouldBe("human");
        NotesOf(e164).ShouldHaveSingleItem().ShouldContain("um agente escreveu na conversa");
        (await SayAsync(phone, "1", expectReply: false)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Typebot_down_mid_flow_hands_over_with_the_failure_in_the_note()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        await SayAsync(phone, "Olá");
        Bot.Typebot.Faults.Down = true;

        var replies = await SayAsync(phone, "1");

        replies.ShouldBe(["Vou passar a conversa a um colega da equipa. Responderemos assim que possível."]);
        (await ModeOfAsync(e164)).ShouldBe("human");
        var note = NotesOf(e164).ShouldHaveSingleItem();
        note.ShouldContain("o bot falhou");
        note.ShouldContain("Motivo técnico");
    }

    [Fact]
    public async Task A_host_restart_mid_flow_loses_nothing()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        await SayAsync(phone, "Olá");
        await SayAsync(phone, "1");

        // The host goes down; the driver answers meanwhile (the webhook is lost); the host comes back and catches up.
        await Bot.StopHostAsync();
        Transcript.Add("> Rui Manuel Costa   (while the host is down)");
        await phone.SendTextAsync("Rui Manuel Costa");
        Bot.StartHost();
        await CatchUpAsync();

        await Eventually.TrueAsync(async () => phone.Received.Any(m => m.Body?.Contains("NIF", StringComparison.Ordinal) == true) && await QuietAsync(), "the next question");
        (await ModeOfAsync(e164)).ShouldBe("bot");
        ChatwootMessagesOf(e164).Count(m => m.Content == "Rui Manuel Costa").ShouldBe(1);
        phone.Received.Count(m => m.Body?.Contains("NIF", StringComparison.Ordinal) == true).ShouldBe(1);
    }
}
