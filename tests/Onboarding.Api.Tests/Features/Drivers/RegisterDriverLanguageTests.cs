using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>POST /register_driver_typebot answers in English for <c>Accept-Language: en…</c> and in pt-PT otherwise.</summary>
public sealed class RegisterDriverLanguageTests(AppFixture app) : IntegrationContext(app)
{
    private const string English = "en-GB,en;q=0.9";

    [Theory]
    [InlineData(English, "Thank you, Maria! We have received your registration (ref. ")]
    [InlineData("pt-PT", "Obrigado, Maria! Recebemos o seu registo (ref. ")]
    [InlineData(null, "Obrigado, Maria! Recebemos o seu registo (ref. ")]
    [InlineData("fr-FR", "Obrigado, Maria! Recebemos o seu registo (ref. ")]
    public async Task The_confirmation_is_in_the_callers_language(string? acceptLanguage, string expectedStart)
    {
        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), acceptLanguage: acceptLanguage);

        status.ShouldBe(201);
        body.Str("message").ShouldStartWith(expectedStart);
    }

    [Fact]
    public async Task An_update_is_confirmed_in_english()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), acceptLanguage: English);

        status.ShouldBe(200);
        body.Str("message").ShouldStartWith("Thank you, Maria! We have updated your registration (ref. ");
    }

    [Theory]
    [InlineData(English, "This NIF is not valid. Please check the digits.")]
    [InlineData("pt-PT", "O NIF não é válido. Verifique os algarismos, por favor.")]
    [InlineData(null, "O NIF não é válido. Verifique os algarismos, por favor.")]
    [InlineData("xx", "O NIF não é válido. Verifique os algarismos, por favor.")]
    public async Task A_field_message_is_in_the_callers_language(string? acceptLanguage, string expected)
    {
        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(nif: "123456780"), acceptLanguage: acceptLanguage);

        status.ShouldBe(422);
        body.Str("message").ShouldBe(expected);
        body.GetProperty("errors")[0].Str("message").ShouldBe(expected);
        body.GetProperty("errors")[0].Str("code").ShouldBe("nif.checksum");
    }

    [Fact]
    public async Task Several_invalid_fields_are_summarised_in_english_with_every_field_message()
    {
        var request = DriverScenarios.ValidRegistration(nif: "123456780");
        request["iban"] = "DE89 3704 0044 0532 0130";
        request["licence_categories"] = "AM";

        var (status, body) = await Host.RegisterAsync(request, acceptLanguage: English);

        status.ShouldBe(422);
        body.Str("message").ShouldBe("This NIF is not valid. Please check the digits. (and 2 more answer(s) to fix)");
        body.GetProperty("errors").EnumerateArray().Select(e => (e.Str("field"), e.Str("message"))).ShouldBe(
        [
            ("nif", "This NIF is not valid. Please check the digits."),
            ("licence_categories", "Your licence does not cover this vehicle: a car needs a licence of category B."),
            ("iban", "An IBAN from DE must have 22 characters."),
        ]);
    }

    [Fact]
    public async Task Missing_answers_and_a_refused_notice_are_explained_in_english()
    {
        var request = DriverScenarios.ValidRegistration();
        request["district"] = "";
        request["privacy_accepted"] = "não";

        var (_, body) = await Host.RegisterAsync(request, acceptLanguage: English);

        body.GetProperty("errors").EnumerateArray().Select(e => e.Str("message")).ShouldBe(
        [
            DriverTexts.DistrictNotChosen.English,
            DriverTexts.PrivacyRefused.English,
        ]);
    }

    [Fact]
    public async Task Conflicts_are_explained_in_english()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: "+351936000001"), acceptLanguage: English);

        status.ShouldBe(409);
        body.Str("message").ShouldBe("We could not complete your registration automatically.");
        body.GetProperty("errors")[0].Str("code").ShouldBe("registration.conflict");
    }

    [Fact]
    public async Task A_registration_already_decided_is_explained_in_english()
    {
        var (_, created) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var id = created.Str("driver_id");
        await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = "under_review", version = 1 });
        await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = "approved", version = 2 });

        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), acceptLanguage: English);

        status.ShouldBe(409);
        body.Str("message").ShouldBe(DriverTexts.RegistrationClosed.English);
    }

    [Theory]
    [InlineData(English, "The request body is not valid JSON.")]
    [InlineData(null, "O corpo do pedido não é JSON válido.")]
    public async Task Body_errors_are_in_the_callers_language(string? acceptLanguage, string expected)
    {
        var (status, body) = await Host.PostRawAsync("/register_driver_typebot", "{\"phone\": ", "application/json", AppFixture.TypebotKey, acceptLanguage: acceptLanguage);

        status.ShouldBe(400);
        body.Str("message").ShouldBe(expected);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_explained_in_english()
    {
        var request = new Dictionary<string, object?>(DriverScenarios.ValidRegistration()) { ["nif"] = new { x = 1 } };

        var (status, body) = await Host.RegisterAsync(request, acceptLanguage: English);

        status.ShouldBe(422);
        body.Str("message").ShouldBe("Some answers are in a format we cannot read.");
        body.GetProperty("errors")[0].Str("code").ShouldBe("nif.type");
        body.GetProperty("errors")[0].Str("message").ShouldBe("This answer is in a format we cannot read.");
    }

    [Fact]
    public async Task An_idempotent_replay_keeps_the_language_of_the_first_answer()
    {
        var (_, first) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), idempotencyKey: "lang-1", acceptLanguage: English);

        var (status, replay) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), idempotencyKey: "lang-1", acceptLanguage: "pt-PT");

        status.ShouldBe(201);
        replay.ToString().ShouldBe(first.ToString());
        replay.Str("message").ShouldStartWith("Thank you, Maria!");
    }
}
