using System.Text.Json;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>
/// A driver record belongs to the WhatsApp chat that first registered it: another chat (or no chat) gets a neutral 409,
/// nothing changes, and the agents get a private note naming both chats.
/// </summary>
public sealed class ChatBindingTests(AppFixture app) : IntegrationContext(app)
{
    private const string Victim = "+351915211836";
    private const string VictimChat = "351915211836@c.us";
    private const string Neutral = "Não conseguimos concluir o seu registo automaticamente.";

    [Fact]
    public async Task Typing_another_drivers_phone_from_a_lid_chat_changes_nothing_and_tells_agents()
    {
        // The reproduced takeover: the flow asks a @lid chat for its phone, and the attacker types the victim's.
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(201);
        var attack = Attacker("123456789012345@lid");

        var (status, body) = await Host.RegisterAsync(attack);

        AssertNeutral(status, body);
        await AssertVictimUntouchedAsync();
        var note = await QuerySingleAsync<string>("SELECT payload->>'text' FROM outbox WHERE lane = 'chatwoot' AND chatwoot_conversation_id = 77");
        note.ShouldContain("123456789012345@lid");
        note.ShouldContain("possível duplicado ou tentativa de usar o registo de outra pessoa");
    }

    [Fact]
    public async Task Another_chat_cannot_change_a_bound_record_and_agents_see_both_chats()
    {
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(201);
        var attack = Attacker("351936000009@c.us");

        var (status, body) = await Host.RegisterAsync(attack);
        var (again, _) = await Host.RegisterAsync(attack);

        AssertNeutral(status, body);
        again.ShouldBe(409);
        await AssertVictimUntouchedAsync();
        var notes = await QueryAsync<string>("SELECT payload->>'text' FROM outbox WHERE lane = 'chatwoot' AND kind = 'cw_message' AND (payload->>'private')::boolean");
        notes.Count.ShouldBe(1, "the same attempt twice is one note");
        notes[0].ShouldContain("351936000009@c.us");
        notes[0].ShouldContain(VictimChat);
    }

    [Fact]
    public async Task A_registration_without_a_chat_cannot_change_a_bound_record()
    {
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(201);
        var noChat = Attacker(null);
        noChat.Remove("wa_chat_id");

        var (status, body) = await Host.RegisterAsync(noChat);

        AssertNeutral(status, body);
        await AssertVictimUntouchedAsync();
    }

    [Fact]
    public async Task A_record_made_without_a_chat_is_bound_by_the_first_chat_that_registers_it()
    {
        var direct = DriverScenarios.ValidRegistration();
        direct.Remove("wa_chat_id");
        (await Host.RegisterAsync(direct)).Status.ShouldBe(201);
        (await QuerySingleAsync<string?>("SELECT wa_chat_id FROM drivers")).ShouldBeNull();

        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(200);
        (await QuerySingleAsync<string?>("SELECT wa_chat_id FROM drivers")).ShouldBe(VictimChat);

        (await Host.RegisterAsync(Attacker("351936000009@c.us"))).Status.ShouldBe(409);
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_lid_chat_whose_phone_whatsapp_confirmed_binds_the_phone_chat()
    {
        // The contact directory stored WPPConnect's pn-lid answer when the chat was first seen.
        await QuerySingleAsync<long>("INSERT INTO contacts (wa_chat_id, phone_e164, lid) VALUES (@VictimChat, @Victim, '555000111222333@lid') RETURNING id",
            new { VictimChat, Victim });
        var registration = DriverScenarios.ValidRegistration();
        registration["wa_chat_id"] = "555000111222333@lid";

        (await Host.RegisterAsync(registration)).Status.ShouldBe(201);

        (await QuerySingleAsync<string>("SELECT wa_chat_id FROM drivers")).ShouldBe(VictimChat);
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(200, "the phone's own chat is the same owner");
    }

    [Fact]
    public async Task A_nif_conflict_and_a_chat_conflict_read_the_same_in_english()
    {
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(201);

        var nif = await Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: "+351936000001"), acceptLanguage: "en");
        var chat = await Host.RegisterAsync(Attacker("351936000009@c.us"), acceptLanguage: "en");

        nif.Status.ShouldBe(409);
        chat.Status.ShouldBe(409);
        nif.Body.ToString().ShouldBe(chat.Body.ToString());
        nif.Body.Str("message").ShouldBe("We could not complete your registration automatically.");
    }

    private static Dictionary<string, object?> Attacker(string? chat)
    {
        var attack = DriverScenarios.ValidRegistration(nif: "299999998");
        attack["full_name"] = "Intruso Falso";
        attack["iban"] = null;
        attack["email"] = "intruso@example.pt";
        attack["wa_chat_id"] = chat;
        attack["chatwoot_conversation_id"] = "77";
        return attack;
    }

    private static void AssertNeutral(int status, JsonElement body)
    {
        status.ShouldBe(409);
        body.Str("message").ShouldBe(Neutral);
        body.Str("first_error_field").ShouldBe("registration");
        body.ToString().ShouldNotContain("NIF");
        body.ToString().ShouldNotContain("Maria");
    }

    private async Task AssertVictimUntouchedAsync()
    {
        var row = await QuerySingleAsync<(string Name, string Nif, string Email, string Chat, int Version)>(
            "SELECT full_name, nif, email, wa_chat_id, version FROM drivers WHERE phone_e164 = @Victim", new { Victim });
        row.ShouldBe(("Maria da Silva Santos", "123456789", "maria.santos@example.pt", VictimChat, 1));
    }
}
