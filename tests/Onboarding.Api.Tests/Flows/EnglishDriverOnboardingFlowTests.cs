using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// typebot-flows/driver-onboarding.en.json, unchanged, run like the Portuguese flow against the real
/// POST /register_driver_typebot: it sends <c>Accept-Language: en</c>, so every message from the API is English,
/// while what is stored is the same as from the Portuguese flow.
/// </summary>
public sealed class EnglishDriverOnboardingFlowTests(AppFixture app) : FlowRunContext(app)
{
    private const string Flow = "driver-onboarding.en.json";
    private const string FullName = "Maria da Silva Santos";
    private const string Submitting = "Thank you! I'm registering your application…";
    private const string NifQuestion = "What is your NIF (Portuguese tax number, 9 digits)?";

    [Fact]
    public async Task A_driver_answering_in_english_is_stored_as_from_the_portuguese_flow_and_thanked_in_english()
    {
        var run = await StartAsync(Flow);
        run.Texts.ShouldContain(t => t.StartsWith("Privacy notice (version 2026-11)", StringComparison.Ordinal) && t.Contains("GDPR article 6(1)(b)", StringComparison.Ordinal));

        await run.AnswerAllAsync(CarPath());

        var id = await QuerySingleAsync<Guid>("SELECT id FROM drivers");
        run.Texts.ShouldBe([Submitting, RegisterDriverMessages.Created(FullName, id).In(Language.English)]);
        run.Texts[1].ShouldStartWith("Thank you, Maria! We have received your registration (ref. ");
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("http_status").ShouldBe("201");
        run.Variable("driver_id").ShouldBe(id.ToString());
        (await StoredDriverAsync()).ShouldBe((FlowRun.Phone, "123456789", "maria.santos@example.pt", "PT-11", "Amadora", "2700-123", "car", "AA00AA", "PT50000201231234567890154", new DateOnly(1994, 3, 14), "Manhãs, Fins de semana", "submitted"));
        (await QuerySingleAsync<string[]>("SELECT licence_categories FROM drivers")).ShouldBe(["A1", "B"]);
        (await QuerySingleAsync<(string Version, string ResultId, string ChatId)>("SELECT privacy_notice_version, typebot_result_id, wa_chat_id FROM drivers"))
            .ShouldBe(("2026-11", run.Session.ResultId, FlowRun.ChatId));
    }

    [Fact]
    public async Task A_nif_typo_shows_the_english_message_re_asks_only_the_nif_and_then_registers()
    {
        var run = await StartAsync(Flow);

        await run.AnswerAllAsync(CarPath(nif: "123456780"));

        run.Texts.ShouldBe([Submitting, "This NIF is not valid. Please check the digits.", NifQuestion]);
        run.Last.Input!["type"]!.GetValue<string>().ShouldBe("text input");
        run.Variable("first_error_field").ShouldBe("nif");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);

        await run.ReplyAsync("123456789");

        var id = await QuerySingleAsync<Guid>("SELECT id FROM drivers");
        run.Texts.ShouldBe([Submitting, RegisterDriverMessages.Created(FullName, id).In(Language.English)]);
        run.Last.IsEndOfFlow.ShouldBeTrue();
        (await QuerySingleAsync<string>("SELECT nif FROM drivers")).ShouldBe("123456789");
    }

    [Fact]
    public async Task A_nif_held_by_another_phone_ends_with_the_english_conflict_explanation()
    {
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: "+351936000001", nif: "123456789"))).Status.ShouldBe(201);
        var run = await StartAsync(Flow);

        await run.AnswerAllAsync(CarPath(nif: "123456789"));

        run.Texts.ShouldBe([Submitting, DriverTexts.RegistrationConflict.English + "\nAn agent will continue the conversation with you to sort this out."]);
        run.Texts[1].ShouldNotContain("NIF");
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("http_status").ShouldBe("409");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_api_key_ends_with_the_english_technical_problem_text()
    {
        var run = await StartAsync(Flow, apiKey: "wrong-key-000000000000");

        await run.AnswerAllAsync(CarPath());

        run.Texts.ShouldBe([Submitting, "We're having a technical problem and can't register your application right now. An agent will continue the conversation with you."]);
        run.Variable("http_status").ShouldBe("401");
    }

    [Fact]
    public async Task Declining_the_privacy_notice_ends_in_english_without_posting()
    {
        var run = await StartAsync(Flow);

        await run.ReplyAsync("I don't want to continue");

        run.Texts.ShouldBe(["No problem, we haven't saved any of your details. If you change your mind, send us a message at any time."]);
        run.Last.IsEndOfFlow.ShouldBeTrue();
        run.Variable("privacy_accepted").ShouldBe("nao");
        run.Variable("http_status").ShouldBeNull();
    }

    /// <summary>The Portuguese flow's driver with a car, answering the English labels.</summary>
    private static string[] CarPath(string nif = "123456789") =>
    [
        "Continue", FullName, nif, "maria.santos@example.pt", "14/03/1994", "Lisbon", "Amadora", "2700-123", "Car",
        "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4", "Mornings, Weekends",
    ];
}
