using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// typebot-flows/driver-onboarding.json, unchanged, run by the Sandbox's Typebot engine against the real
/// POST /register_driver_typebot (in-memory TestServer: ASP.NET pipeline, API key auth, validation, Postgres).
/// </summary>
public sealed class DriverOnboardingFlowTests(AppFixture app) : FlowRunContext(app)
{
    private const string Flow = "driver-onboarding.json";
    private const string Phone = FlowRun.Phone;
    private const string FullName = "Maria da Silva Santos";
    private const string Submitting = "Obrigado! Estou a registar a sua candidatura…";
    private const string NifQuestion = "Qual é o seu NIF (número de contribuinte, 9 dígitos)?";
    private const string NifChecksumMessage = "O NIF não é válido. Verifique os algarismos, por favor.";

    [Fact]
    public async Task A_driver_answering_every_question_is_registered_and_gets_the_api_confirmation()
    {
        var run = await StartAsync(Flow);
        run.Texts.ShouldContain(t => t.StartsWith("Aviso de privacidade (versão 2026-11)", StringComparison.Ordinal));
        run.Texts.ShouldNotContain(t => t.Contains("telemóvel", StringComparison.Ordinal));

        await run.AnswerAllAsync(CarPath());

        var id = await QuerySingleAsync<Guid>("SELECT id FROM drivers");
        run.Texts.ShouldBe([Submitting, RegisterDriverMessages.Created(FullName, id).In(Language.Portuguese)]);
        run.Texts[1].ShouldStartWith("Obrigado, Maria!");
        run.Last.Input.ShouldBeNull();
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("http_status").ShouldBe("201");
        run.Variable("driver_id").ShouldBe(id.ToString());
        (await StoredDriverAsync()).ShouldBe((Phone, "123456789", "maria.santos@example.pt", "PT-11", "Amadora", "2700-123", "car", "AA00AA", "PT50000201231234567890154", new DateOnly(1994, 3, 14), "Manhãs, Fins de semana", "submitted"));
        (await QuerySingleAsync<string[]>("SELECT licence_categories FROM drivers")).ShouldBe(["A1", "B"]);
        (await QuerySingleAsync<(string Version, string ResultId, string ChatId)>("SELECT privacy_notice_version, typebot_result_id, wa_chat_id FROM drivers"))
            .ShouldBe(("2026-11", run.Session.ResultId, FlowRun.ChatId));
    }

    [Fact]
    public async Task A_nif_typo_shows_the_api_message_re_asks_only_the_nif_and_then_registers()
    {
        var run = await StartAsync(Flow);

        await run.AnswerAllAsync(CarPath(nif: "123456780"));

        run.Texts.ShouldBe([Submitting, NifChecksumMessage, NifQuestion]);
        run.Last.Input!["type"]!.GetValue<string>().ShouldBe("text input");
        run.Variable("http_status").ShouldBe("422");
        run.Variable("first_error_field").ShouldBe("nif");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);

        await run.ReplyAsync("123456789");

        var id = await QuerySingleAsync<Guid>("SELECT id FROM drivers");
        run.Texts.ShouldBe([Submitting, RegisterDriverMessages.Created(FullName, id).In(Language.Portuguese)]);
        run.Last.IsEndOfFlow.ShouldBeTrue();
        (await QuerySingleAsync<(string Nif, string Phone)>("SELECT nif, phone_e164 FROM drivers")).ShouldBe(("123456789", Phone));
    }

    [Fact]
    public async Task A_nif_held_by_another_phone_ends_with_the_conflict_explanation_and_no_second_driver()
    {
        var other = DriverScenarios.ValidRegistration(phone: "+351936000001", nif: "123456789");
        (await Host.RegisterAsync(other)).Status.ShouldBe(201);
        var run = await StartAsync(Flow);

        await run.AnswerAllAsync(CarPath(nif: "123456789"));

        run.Texts.Count.ShouldBe(2);
        run.Texts[0].ShouldBe(Submitting);
        run.Texts[1].ShouldStartWith(DriverTexts.RegistrationConflict.Portuguese);
        run.Texts[1].ShouldNotContain("NIF");
        run.Texts[1].ShouldContain("Um agente vai continuar a conversa consigo");
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("http_status").ShouldBe("409");
        (await QuerySingleAsync<(long Count, string Phone)>("SELECT count(*) OVER (), phone_e164 FROM drivers")).ShouldBe((1, "+351936000001"));
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_401_that_ends_with_the_technical_problem_text()
    {
        var run = await StartAsync(Flow, apiKey: "wrong-key-000000000000");

        await run.AnswerAllAsync(CarPath());

        run.Texts.Count.ShouldBe(2);
        run.Texts[0].ShouldBe(Submitting);
        run.Texts[1].ShouldContain("problema técnico");
        run.Texts[1].ShouldContain("Um agente vai continuar a conversa consigo");
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("http_status").ShouldBe("401");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_email_gets_the_retry_message_before_anything_is_posted()
    {
        var run = await StartAsync(Flow);
        await run.AnswerAllAsync(["Continuar", FullName, "123456789"]);
        run.Texts.ShouldBe(["Qual é o seu email?"]);

        await run.ReplyAsync("maria.santos@");

        run.Texts.ShouldBe(["Este email não parece válido. Pode escrevê-lo novamente?"]);
        run.Last.Input!["type"]!.GetValue<string>().ShouldBe("email input");
        run.Variable("http_status").ShouldBeNull();
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);

        await run.ReplyAsync("maria.santos@example.pt");

        run.Texts.ShouldBe(["Qual é a sua data de nascimento? (dd/mm/aaaa)"]);
        run.Variable("email").ShouldBe("maria.santos@example.pt");
    }

    /// <summary>The answers of a driver with a car, as typed in WhatsApp (the bridge sends labels for choices).</summary>
    private static string[] CarPath(string nif = "123456789") =>
    [
        "Continuar", FullName, nif, "maria.santos@example.pt", "14/03/1994", "Lisboa", "Amadora", "2700-123", "Carro",
        "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4", "Manhãs, Fins de semana",
    ];
}
