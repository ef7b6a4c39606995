using System.Text.Json;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>
/// The product end to end over the official WhatsApp Cloud API (the Sandbox's fake of it): the shipped flow's
/// single choices arrive as reply buttons (two options) or a list (up to ten), the driver taps them, the answers reach
/// Typebot as the options' labels, the registration is stored and handed to agents, an agent's reply inside the
/// 24-hour window goes as text, and a status notice 30 hours later goes as the approved template.
/// </summary>
[Collection(CloudApiBotCollection.Name)]
public sealed class CloudApiBotTests(CloudApiBotFixture bot) : BotContext(bot)
{
    private CloudApiBotFixture Cloud { get; } = bot;

    [Fact]
    public async Task A_driver_registers_by_buttons_and_lists_hears_an_agent_inside_the_window_and_a_notice_30_hours_later_comes_as_a_template()
    {
        var e164 = NewPhone();
        var phone = Cloud.Cloud.Phone(e164, "Maria");

        var welcome = (await SayAsync(phone, "Olá")).Single(m => m.Type == "interactive");
        ((string?)welcome.Content["type"]).ShouldBe("button");
        welcome.Text!.ShouldContain("Aviso de privacidade");
        Titles(welcome).ShouldBe(["Continuar", "Não quero continuar"]);

        (await ChooseAsync(phone, "Continuar")).ShouldContain(m => m.Text!.Contains("nome completo", StringComparison.OrdinalIgnoreCase));
        foreach (var answer in new[] { "Maria da Silva Santos", "123456780", "maria.santos@example.pt", "14/03/1994" })
        {
            await SayAsync(phone, answer);
        }

        // Twenty districts: more than a list holds, so the numbered text, answered in words.
        phone.Received[^1].Type.ShouldBe("text");
        phone.Received[^1].Text!.ShouldContain("11. Lisboa");
        foreach (var answer in new[] { "lisboa", "Amadora", "2700-123" })
        {
            await SayAsync(phone, answer);
        }

        // Six vehicles: a list, and the picked row's title is the answer.
        var vehicles = phone.Received[^1];
        ((string?)vehicles.Content["type"]).ShouldBe("list");
        Titles(vehicles).ShouldContain("Mota acima de 125 cc");
        await ChooseAsync(phone, "Carro");
        foreach (var answer in new[] { "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(phone, answer);
        }

        // The last answer sends the registration; the API finds the NIF typo and the flow asks for it again.
        (await SayAsync(phone, "Manhãs, Fins de semana")).ShouldContain(m => m.Text!.Contains("NIF", StringComparison.Ordinal));
        (await SayAsync(phone, "123456789")).ShouldContain(m => m.Text!.StartsWith("Obrigado, Maria!", StringComparison.Ordinal));

        var driver = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        (await ScalarAsync<string>("SELECT vehicle_type FROM drivers WHERE id = @driver", new { driver })).ShouldBe("car");
        (await ModeOfAsync(e164)).ShouldBe("human");
        NotesOf(e164).ShouldHaveSingleItem().ShouldContain(driver.ToString());
        ChatwootMessagesOf(e164).ShouldContain(m => !m.Private && m.Content == "Carro", "the tapped row mirrored as the driver's words");

        // Inside the window, an agent's reply is free text.
        var conversation = ConversationOf(e164)!.Id;
        await Bot.Chatwoot.AgentReplyAsync(conversation, "Olá Maria, bem-vinda! Vamos rever os seus documentos.");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Type == "text" && m.Text == "Olá Maria, bem-vinda! Vamos rever os seus documentos."), "the agent's reply");

        // 30 hours later, in our ledger and in Meta's, the approval can only go as its template.
        await ScalarAsync<int>("UPDATE inbound_messages SET wa_timestamp = wa_timestamp - interval '30 hours' WHERE wa_chat_id = @chat", new { chat = phone.WaId + "@c.us" });
        Cloud.Clock.Advance(TimeSpan.FromHours(30));
        var before = phone.Received.Count;
        JsonDocument.Parse(await ChangeStatusAsync(driver, "under_review")).RootElement.GetProperty("status").GetString().ShouldBe("under_review");
        JsonDocument.Parse(await ChangeStatusAsync(driver, "approved")).RootElement.GetProperty("status").GetString().ShouldBe("approved");
        await Eventually.TrueAsync(() => phone.Received.Skip(before).Count(m => m.Rendered?.Contains("Parabéns, Maria!", StringComparison.Ordinal) == true) == 1, "the approval as a template");
        var notices = phone.Received.Skip(before).ToList();
        notices.ShouldAllBe(m => m.Type == "template");
        notices.Count.ShouldBe(2);
        Transcript.AddRange(notices.Select(m => "< [template] " + m.Rendered));
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE lane = 'whatsapp' AND state <> 'sent'")).ShouldBe(0);
    }

    /// <summary>The driver writes; what reached the phone once the bridge is quiet again.</summary>
    private async Task<IReadOnlyList<CloudMessage>> SayAsync(CloudPhone phone, string text)
    {
        var before = phone.Received.Count;
        Transcript.Add("> " + text);
        await phone.SendTextAsync(text);
        return await RepliesAsync(phone, before, text);
    }

    /// <summary>The driver taps the button, or picks the row, titled <paramref name="title"/> in the last message it got.</summary>
    private async Task<IReadOnlyList<CloudMessage>> ChooseAsync(CloudPhone phone, string title)
    {
        var shown = phone.Received[^1];
        shown.Type.ShouldBe("interactive", "the question before the choice is interactive");
        var before = phone.Received.Count;
        Transcript.Add($"> [{title}]");
        if ((string?)shown.Content["type"] == "button")
        {
            var button = shown.Content["action"]!["buttons"]!.AsArray().Single(b => (string?)b!["reply"]!["title"] == title)!;
            await phone.TapButtonAsync(shown.Id, (string)button["reply"]!["id"]!);
        }
        else
        {
            var row = shown.Content["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).Single(r => (string?)r!["title"] == title)!;
            await phone.PickRowAsync(shown.Id, (string)row["id"]!);
        }

        return await RepliesAsync(phone, before, title);
    }

    private async Task<IReadOnlyList<CloudMessage>> RepliesAsync(CloudPhone phone, int before, string answer)
    {
        await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), $"a reply to '{answer}'", 30);
        var replies = phone.Received.Skip(before).ToList();
        Transcript.AddRange(replies.Select(m => $"< [{m.Type}] " + m.Text?.Replace("\n", "\n  ", StringComparison.Ordinal)));
        return replies;
    }

    private static List<string> Titles(CloudMessage interactive) => (string?)interactive.Content["type"] == "button"
        ? [.. interactive.Content["action"]!["buttons"]!.AsArray().Select(b => (string)b!["reply"]!["title"]!)]
        : [.. interactive.Content["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).Select(r => (string)r!["title"]!)];
}
