using System.Text;
using System.Text.Json;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Drivers;

public sealed class RegisterDriverTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task A_new_driver_is_stored_in_canonical_form_with_a_history_row()
    {
        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());

        status.ShouldBe(201);
        body.GetProperty("ok").GetBoolean().ShouldBeTrue();
        body.GetProperty("created").GetBoolean().ShouldBeTrue();
        body.Str("status").ShouldBe("submitted");
        body.Str("message").ShouldStartWith("Obrigado, Maria!");
        var id = Guid.Parse(body.Str("driver_id"));

        var row = await QuerySingleAsync<(string Phone, string Nif, string District, string Vehicle, string Plate, string Iban, string Postal, DateOnly Birth, string Status)>(
            "SELECT phone_e164, nif, district_code, vehicle_type, licence_plate, iban, postal_code, birth_date, status FROM drivers WHERE id = @id", new { id });
        row.ShouldBe(("+351915211836", "123456789", "PT-11", "car", "AA00AA", "PT50000201231234567890154", "2700-123", new DateOnly(1994, 3, 14), "submitted"));
        (await QuerySingleAsync<string[]>("SELECT licence_categories FROM drivers")).ShouldBe(["B"]);
        var history = await QueryAsync<(string? From, string To, string Actor)>("SELECT from_status, to_status, actor FROM driver_status_history WHERE driver_id = @id", new { id });
        history.ShouldBe([(null, "submitted", "typebot-test")]);
    }

    [Fact]
    public async Task Numbers_booleans_lists_and_unknown_fields_are_accepted()
    {
        var body = DriverScenarios.ValidRegistration();
        body["phone"] = 351915211836L;
        body["nif"] = 123456789;
        body["privacy_accepted"] = true;
        body["licence_categories"] = new[] { "B", "A1" };
        body["favourite_colour"] = new { nested = "ignored" };

        var (status, response) = await Host.RegisterAsync(body);

        status.ShouldBe(201, response.ToString());
        (await QuerySingleAsync<string[]>("SELECT licence_categories FROM drivers")).ShouldBe(["A1", "B"]);
    }

    [Fact]
    public async Task Submitting_again_updates_the_same_driver_and_keeps_what_was_not_resent()
    {
        var (_, first) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var again = DriverScenarios.ValidRegistration(phone: "915 211 836");
        again["district"] = "porto";
        again["email"] = "";

        var (status, second) = await Host.RegisterAsync(again);

        status.ShouldBe(200);
        second.GetProperty("created").GetBoolean().ShouldBeFalse();
        second.Str("driver_id").ShouldBe(first.Str("driver_id"));
        var row = await QuerySingleAsync<(string District, string Email, int Version)>("SELECT district_code, email, version FROM drivers");
        row.ShouldBe(("PT-13", "maria.santos@example.pt", 2));
        (await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history")).ShouldBe(2);
    }

    [Fact]
    public async Task Twenty_concurrent_submissions_for_one_phone_give_one_driver()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Host.RegisterAsync(DriverScenarios.ValidRegistration())));

        results.Count(r => r.Status == 201).ShouldBe(1);
        results.Count(r => r.Status == 200).ShouldBe(19);
        results.Select(r => r.Body.Str("driver_id")).Distinct().Count().ShouldBe(1);
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(1);
        // The nineteen others changed nothing, so they wrote nothing (docs/0026).
        (await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history")).ShouldBe(1);
    }

    [Fact]
    public async Task A_nif_held_by_another_phone_is_a_409_that_reveals_nothing_about_the_other_driver()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var other = DriverScenarios.ValidRegistration(phone: "+351936000001");
        other["full_name"] = "João Pereira";

        var (status, body) = await Host.RegisterAsync(other);

        status.ShouldBe(409);
        body.GetProperty("ok").GetBoolean().ShouldBeFalse();
        body.Str("first_error_field").ShouldBe("registration");
        body.GetProperty("errors")[0].Str("code").ShouldBe("registration.conflict");
        body.ToString().ShouldNotContain("NIF");
        body.ToString().ShouldNotContain("Maria");
        body.ToString().ShouldNotContain("915211836");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_nif_from_two_phones_store_only_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: $"+35193600{i:0000}"))));

        results.Count(r => r.Status == 201).ShouldBe(1);
        results.Count(r => r.Status == 409).ShouldBe(9);
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(1);
    }

    [Theory]
    [InlineData("nif", "123456780", "nif.checksum")]
    [InlineData("nif", "999999990", "nif.prefix_not_person")]
    [InlineData("phone", "12345", "phone.invalid")]
    [InlineData("phone", "abc@lid", "phone.not_a_phone")]
    [InlineData("licence_plate", "AAA-000", "licence_plate.format")]
    [InlineData("iban", "PT50000201231234567890155", "iban.checksum")]
    [InlineData("postal_code", "27001", "postal_code.format")]
    [InlineData("district", "Narnia", "district.unknown")]
    [InlineData("birth_date", "14/03/2015", "birth_date.underage")]
    [InlineData("birth_date", "31/02/1990", "birth_date.format")]
    [InlineData("email", "maria@", "email.invalid")]
    [InlineData("vehicle_type", "foguetão", "vehicle_type.unknown")]
    [InlineData("licence_categories", "AM", "licence_categories.vehicle_mismatch")]
    [InlineData("full_name", "Maria", "full_name.too_short")]
    [InlineData("privacy_accepted", "não", "privacy_accepted.refused")]
    [InlineData("full_name", "", "full_name.required")]
    public async Task An_invalid_field_is_a_422_naming_that_field_first(string field, string value, string code)
    {
        var body = DriverScenarios.ValidRegistration();
        body[field] = value;

        var (status, response) = await Host.RegisterAsync(body);

        status.ShouldBe(422, response.ToString());
        response.GetProperty("ok").GetBoolean().ShouldBeFalse();
        response.Str("first_error_field").ShouldBe(field);
        var error = response.GetProperty("errors")[0];
        error.Str("field").ShouldBe(field);
        error.Str("code").ShouldBe(code);
        error.Str("message").ShouldNotBeNullOrWhiteSpace();
        response.Str("message").ShouldNotBeNullOrWhiteSpace();
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task Several_invalid_fields_are_all_listed_in_question_order()
    {
        var body = DriverScenarios.ValidRegistration();
        body["nif"] = "123456780";
        body["iban"] = "PT50000201231234567890155";

        var (status, response) = await Host.RegisterAsync(body);

        status.ShouldBe(422);
        response.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")).ShouldBe(["nif", "iban"]);
        response.Str("first_error_field").ShouldBe("nif");
    }

    [Fact]
    public async Task Typebot_placeholders_and_empty_strings_count_as_not_given()
    {
        var body = DriverScenarios.ValidRegistration();
        body["nif"] = "{{nif}}";
        body["iban"] = "";
        body["email"] = "undefined";

        var (status, _) = await Host.RegisterAsync(body);

        status.ShouldBe(201);
        (await QuerySingleAsync<(string? Nif, string? Iban, string? Email)>("SELECT nif, iban, email FROM drivers")).ShouldBe((null, null, null));
    }

    [Theory]
    [InlineData("{\"phone\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_with_the_flat_shape(string json)
    {
        var (status, body) = await Host.PostRawAsync("/register_driver_typebot", json, "application/json", AppFixture.TypebotKey);

        status.ShouldBe(400);
        body.GetProperty("ok").GetBoolean().ShouldBeFalse();
        body.Str("first_error_field").ShouldBe("body");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_400()
    {
        var (status, body) = await Host.PostRawAsync("/register_driver_typebot", "phone=%2B351915211836", "application/x-www-form-urlencoded", AppFixture.TypebotKey);

        status.ShouldBe(400);
        body.GetProperty("errors")[0].Str("code").ShouldBe("body.content_type");
    }

    [Fact]
    public async Task A_huge_body_is_a_400_and_stores_nothing()
    {
        var body = DriverScenarios.ValidRegistration();
        body["availability"] = new string('x', 200_000);

        var (status, response) = await Host.RegisterAsync(body);

        status.ShouldBe(400);
        response.GetProperty("errors")[0].Str("code").ShouldBe("body.too_large");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_malformed_json_not_an_error()
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(DriverScenarios.ValidRegistration()));
        byte[] body = [.. json[..10], 0xC3, 0x28, 0xFF, .. json[10..]];

        var response = await Host.SendRawAsync("POST", "/register_driver_typebot", body: body,
            headers: [("Content-Type", "application/json"), ("X-Api-Key", AppFixture.TypebotKey)]);

        response.Status.ShouldBe(400, response.Body);
        response.Json.GetProperty("errors")[0].Str("code").ShouldBe("body.malformed_json");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Theory]
    [InlineData("full_name", "Maria \\ud83d")]
    [InlineData("availability", "\\udc00 manhãs")]
    [InlineData("municipality", "Ama\\u0000dora")]
    [InlineData("typebot_result_id", "r\\u0000")]
    public async Task A_cut_emoji_or_a_nul_is_a_422_for_that_field_not_an_error(string field, string escaped)
    {
        var json = JsonSerializer.Serialize(DriverScenarios.ValidRegistration()).Replace("}", $",\"{field}\":\"{escaped}\"}}", StringComparison.Ordinal);

        var (status, body) = await Host.PostRawAsync("/register_driver_typebot", json, "application/json", AppFixture.TypebotKey);

        status.ShouldBe(422, body.ToString());
        body.Str("first_error_field").ShouldBe(field);
        body.GetProperty("errors")[0].Str("code").ShouldBe($"{field}.type");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_name_with_a_cut_emoji_is_an_unknown_member()
    {
        var json = "{\"\\ud83d\":\"x\"," + JsonSerializer.Serialize(DriverScenarios.ValidRegistration())[1..];

        var (status, body) = await Host.PostRawAsync("/register_driver_typebot", json, "application/json", AppFixture.TypebotKey);

        status.ShouldBe(201, body.ToString());
    }

    [Fact]
    public async Task A_chunked_body_past_the_servers_limit_is_a_400_too_large()
    {
        var body = DriverScenarios.ValidRegistration();
        body["availability"] = new string('x', 1_500_000);

        var response = await Host.SendRawAsync("POST", "/register_driver_typebot", body: JsonSerializer.SerializeToUtf8Bytes(body),
            headers: [("Content-Type", "application/json"), ("X-Api-Key", AppFixture.TypebotKey)], chunked: true);

        response.Status.ShouldBe(400, response.Body);
        response.Json.GetProperty("errors")[0].Str("code").ShouldBe("body.too_large");
    }

    [Fact]
    public async Task Objects_where_text_is_expected_are_a_422_for_that_field()
    {
        var (status, body) = await Host.RegisterAsync(new Dictionary<string, object?>(DriverScenarios.ValidRegistration()) { ["nif"] = new { x = 1 } });

        status.ShouldBe(422);
        body.Str("first_error_field").ShouldBe("nif");
        body.GetProperty("errors")[0].Str("code").ShouldBe("nif.type");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0000000000000")]
    [InlineData(AppFixture.StaffKey)]
    public async Task Only_a_typebot_key_may_register(string? key)
    {
        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), key);

        status.ShouldBe(key == AppFixture.StaffKey ? 403 : 401);
        body.GetProperty("ok").GetBoolean().ShouldBeFalse();
        body.Str("message").ShouldNotBeNullOrWhiteSpace();
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(0);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_answer()
    {
        var (firstStatus, first) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), idempotencyKey: "abc-1");
        var (secondStatus, second) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(), idempotencyKey: "abc-1");

        firstStatus.ShouldBe(201);
        secondStatus.ShouldBe(201);
        second.ToString().ShouldBe(first.ToString());
        (await QuerySingleAsync<int>("SELECT version FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_body_is_refused()
    {
        await Host.RegisterAsync(DriverScenarios.ValidRegistration(), idempotencyKey: "abc-2");
        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration(phone: "+351936000001", nif: null), idempotencyKey: "abc-2");

        status.ShouldBe(422);
        body.Str("first_error_field").ShouldBe("idempotency_key");
        (await QuerySingleAsync<long>("SELECT count(*) FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task An_approved_driver_cannot_overwrite_their_record_from_the_flow()
    {
        var (_, created) = await Host.RegisterAsync(DriverScenarios.ValidRegistration());
        var id = created.Str("driver_id");
        await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = "under_review", version = 1 });
        await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = "approved", version = 2 });

        var changed = DriverScenarios.ValidRegistration();
        changed["district"] = "Faro";
        var (status, body) = await Host.RegisterAsync(changed);

        status.ShouldBe(409);
        body.GetProperty("errors")[0].Str("code").ShouldBe("registration.closed");
        (await QuerySingleAsync<string>("SELECT district_code FROM drivers")).ShouldBe("PT-11");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_route_with_an_example()
    {
        var (status, doc) = await Host.StaffGetAsync("/swagger/v1/swagger.json");

        status.ShouldBe(200);
        var operation = doc.GetProperty("paths").GetProperty("/register_driver_typebot").GetProperty("post");
        operation.Str("operationId").ShouldBe("register_driver_typebot");
        operation.GetProperty("requestBody").ToString().ShouldContain("+351915211836");
        JsonSerializer.Serialize(operation.GetProperty("responses")).ShouldContain("422");
    }
}
