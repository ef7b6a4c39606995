using System.Text;
using System.Text.Json;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Drivers;

public sealed class DriverRecordsTests(AppFixture app) : IntegrationContext(app)
{
    private async Task<string> RegisterAsync(string phone, string? nif = null, string district = "Lisboa", string vehicle = "car")
    {
        var body = DriverScenarios.ValidRegistration(phone, nif);
        body["district"] = district;
        body["vehicle_type"] = vehicle;
        body["licence_categories"] = vehicle == "bicycle" ? "" : "B";
        var (status, created) = await Host.RegisterAsync(body);
        status.ShouldBe(201, created.ToString());
        return created.Str("driver_id");
    }

    private async Task<(int Status, JsonElement Body)> MoveAsync(string id, string status, int version, string? reason = null) =>
        await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status, version, reason });

    [Fact]
    public async Task A_driver_is_reviewed_then_approved_with_each_step_in_the_history()
    {
        var id = await RegisterAsync("+351915211836", "123456789");

        var (s1, reviewing) = await MoveAsync(id, "under_review", 1);
        var (s2, approved) = await MoveAsync(id, "approved", 2, "Documentos verificados");

        s1.ShouldBe(200);
        reviewing.Str("status").ShouldBe("under_review");
        s2.ShouldBe(200);
        approved.Str("status").ShouldBe("approved");
        approved.GetProperty("version").GetInt32().ShouldBe(3);
        var history = approved.GetProperty("history").EnumerateArray().Select(h => (h.Str("to_status"), h.Str("actor"))).ToList();
        history.ShouldBe([("submitted", "typebot-test"), ("under_review", "staff-test"), ("approved", "staff-test")]);
        approved.GetProperty("history")[2].Str("reason").ShouldBe("Documentos verificados");
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("erased")]
    [InlineData("nonsense")]
    public async Task Skipping_the_review_or_unknown_statuses_are_refused(string target)
    {
        var id = await RegisterAsync("+351915211836");

        var (status, body) = await MoveAsync(id, target, 1, "x");

        status.ShouldBe(target == "approved" ? 409 : 400, body.ToString());
        (await QuerySingleAsync<string>("SELECT status FROM drivers")).ShouldBe("submitted");
    }

    [Fact]
    public async Task Rejecting_needs_a_reason()
    {
        var id = await RegisterAsync("+351915211836");

        var (status, body) = await MoveAsync(id, "rejected", 1);

        status.ShouldBe(400);
        body.ToString().ShouldContain("reason");
        (await QuerySingleAsync<string>("SELECT status FROM drivers")).ShouldBe("submitted");
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_changes_nothing()
    {
        var id = await RegisterAsync("+351915211836");
        await MoveAsync(id, "under_review", 1);

        var (status, body) = await MoveAsync(id, "rejected", 1, "Sem carta");

        status.ShouldBe(409);
        body.ToString().ShouldContain("version 2");
        (await QuerySingleAsync<string>("SELECT status FROM drivers")).ShouldBe("under_review");
        (await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history")).ShouldBe(2);
    }

    [Fact]
    public async Task A_rejected_driver_who_registers_again_returns_to_review()
    {
        var id = await RegisterAsync("+351915211836");
        await MoveAsync(id, "rejected", 1, "Documentos em falta");

        var (status, body) = await Host.RegisterAsync(DriverScenarios.ValidRegistration("+351915211836", null));

        status.ShouldBe(200);
        body.Str("status").ShouldBe("submitted");
        body.Str("driver_id").ShouldBe(id);
    }

    [Fact]
    public async Task A_null_status_is_a_400_naming_status_not_an_error()
    {
        var id = await RegisterAsync("+351915211836");

        var (status, body) = await Host.PostRawAsync($"/api/drivers/{id}/status", "{\"status\":null,\"version\":1}", "application/json", AppFixture.StaffKey);

        status.ShouldBe(400, body.ToString());
        body.GetProperty("errors")[0].Str("name").ShouldBe("status");
    }

    [Fact]
    public async Task A_reason_with_a_nul_is_a_400_naming_reason_and_changes_nothing()
    {
        var id = await RegisterAsync("+351915211836");

        var (status, body) = await MoveAsync(id, "rejected", 1, "sem\0documentos");

        status.ShouldBe(400, body.ToString());
        body.GetProperty("errors")[0].Str("name").ShouldBe("reason");
        (await QuerySingleAsync<(string Status, int Version)>("SELECT status, version FROM drivers")).ShouldBe(("submitted", 1));
    }

    [Fact]
    public async Task A_status_change_without_a_content_type_or_with_an_unknown_charset_is_a_415_that_says_so()
    {
        var id = await RegisterAsync("+351915211836");
        var json = Encoding.UTF8.GetBytes("{\"status\":\"under_review\",\"version\":1}");

        var missing = await Host.SendRawAsync("POST", $"/api/drivers/{id}/status", body: json, headers: [("X-Api-Key", AppFixture.StaffKey)]);
        var charset = await Host.SendRawAsync("POST", $"/api/drivers/{id}/status", body: json,
            headers: [("X-Api-Key", AppFixture.StaffKey), ("Content-Type", "application/json; charset=klingon")]);

        missing.Status.ShouldBe(415, missing.Body);
        missing.Json.Str("code").ShouldBe("body.content_type");
        charset.Status.ShouldBe(415, charset.Body);
        charset.Json.Str("code").ShouldBe("body.charset");
        (await QuerySingleAsync<int>("SELECT version FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task A_status_change_past_the_servers_body_limit_is_a_413_that_says_so()
    {
        var id = await RegisterAsync("+351915211836");
        var json = JsonSerializer.SerializeToUtf8Bytes(new { status = "under_review", version = 1, reason = new string('r', 1_500_000) });

        foreach (var chunked in new[] { false, true })
        {
            var response = await Host.SendRawAsync("POST", $"/api/drivers/{id}/status", body: json,
                headers: [("X-Api-Key", AppFixture.StaffKey), ("Content-Type", "application/json")], chunked: chunked);

            response.Status.ShouldBe(413, response.Body);
            response.Json.Str("detail").ShouldContain("too large");
        }

        (await QuerySingleAsync<int>("SELECT version FROM drivers")).ShouldBe(1);
    }

    [Fact]
    public async Task An_id_in_the_query_string_or_body_cannot_redirect_a_request_to_another_driver()
    {
        var target = await RegisterAsync("+351915211836");
        var bystander = await RegisterAsync("+351936000001");

        var (getStatus, got) = await Host.StaffGetAsync($"/api/drivers/{target}?id={bystander}");
        var (exportStatus, exported) = await Host.StaffGetAsync($"/api/drivers/{target}/gdpr-export?id={bystander}");
        var erase = await Host.SendRawAsync("POST", $"/api/drivers/{target}/erase", $"?id={bystander}", Encoding.UTF8.GetBytes($"{{\"id\":\"{bystander}\"}}"),
            [("X-Api-Key", AppFixture.StaffKey), ("Content-Type", "application/json")]);

        getStatus.ShouldBe(200);
        got.Str("id").ShouldBe(target);
        exportStatus.ShouldBe(200);
        exported.GetProperty("driver").Str("id").ShouldBe(target);
        erase.Status.ShouldBe(200, erase.Body);
        (await QuerySingleAsync<string>("SELECT status FROM drivers WHERE id = @id", new { id = Guid.Parse(bystander) })).ShouldBe("submitted");
        (await QuerySingleAsync<string>("SELECT status FROM drivers WHERE id = @id", new { id = Guid.Parse(target) })).ShouldBe("erased");
    }

    [Fact]
    public async Task Unknown_drivers_are_404()
    {
        (await Host.StaffGetAsync($"/api/drivers/{Guid.NewGuid()}")).Status.ShouldBe(404);
        (await MoveAsync(Guid.NewGuid().ToString(), "under_review", 1)).Status.ShouldBe(404);
        (await Host.StaffPostAsync($"/api/drivers/{Guid.NewGuid()}/erase", new { })).Status.ShouldBe(404);
    }

    [Fact]
    public async Task The_list_filters_by_status_district_vehicle_and_text()
    {
        var lisbon = await RegisterAsync("+351915211836", "123456789", "Lisboa", "car");
        await RegisterAsync("+351936000001", null, "Porto", "moped");
        await RegisterAsync("+351936000002", null, "Faro", "bicycle");
        await MoveAsync(lisbon, "under_review", 1);

        (await ListIds("/api/drivers?status=under_review")).ShouldBe([lisbon]);
        (await ListIds("/api/drivers?district=PT-11")).ShouldBe([lisbon]);
        (await ListIds("/api/drivers?district=lisboa")).ShouldBe([lisbon]);
        (await ListIds("/api/drivers?vehicle_type=moped")).Count.ShouldBe(1);
        (await ListIds("/api/drivers?q=123456789")).ShouldBe([lisbon]);
        (await ListIds("/api/drivers?q=%25")).ShouldBeEmpty();
        (await ListIds("/api/drivers")).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("/api/drivers?status=lost")]
    [InlineData("/api/drivers?limit=0")]
    [InlineData("/api/drivers?limit=abc")]
    [InlineData("/api/drivers?cursor=not-a-cursor")]
    [InlineData("/api/drivers?district=Narnia")]
    [InlineData("/api/drivers?created_from=yesterday")]
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string url)
    {
        var (status, body) = await Host.StaffGetAsync(url);

        status.ShouldBe(400, body.ToString());
        var name = url.Split('?')[1].Split('=')[0];
        body.ToString().ShouldContain(name);
    }

    [Theory]
    [InlineData("/api/drivers?q=%00")]
    [InlineData("/api/drivers/export.csv?q=ab%00cd")]
    public async Task A_search_with_a_nul_is_a_400_naming_q_not_an_error(string url)
    {
        await RegisterAsync("+351915211836");

        var (status, body) = await Host.StaffGetAsync(url);

        status.ShouldBe(400, body.ToString());
        body.GetProperty("errors")[0].Str("name").ShouldBe("q");
    }

    [Fact]
    public async Task Keyset_pages_stay_stable_while_new_drivers_arrive()
    {
        for (var i = 0; i < 7; i++)
        {
            await RegisterAsync($"+3519360000{i:00}");
        }

        var seen = new List<string>();
        var (_, page) = await Host.StaffGetAsync("/api/drivers?limit=3");
        seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.Str("id")));
        await RegisterAsync("+351936000099");
        while (page.GetProperty("next_cursor").ValueKind == JsonValueKind.String)
        {
            (_, page) = await Host.StaffGetAsync($"/api/drivers?limit=3&cursor={page.Str("next_cursor")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.Str("id")));
        }

        seen.Count.ShouldBe(7);
        seen.Distinct().Count().ShouldBe(7);
        var newestFirst = await QueryAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 <> '+351936000099' ORDER BY created_at DESC, id DESC");
        seen.ShouldBe(newestFirst.Select(g => g.ToString()).ToList());
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_one_row_per_driver_with_formulas_defused()
    {
        await RegisterAsync("+351915211836", "123456789");
        var body = DriverScenarios.ValidRegistration("+351936000001", null);
        body["availability"] = "=HYPERLINK(\"http://x\")";
        await Host.RegisterAsync(body);

        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/drivers/export.csv");
            s.WithRequestHeader("X-Api-Key", AppFixture.StaffKey);
            s.Header("Content-Type").SingleValueShouldEqual("text/csv; charset=utf-8");
        });
        var lines = (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("id,status,full_name,phone_e164,nif");
        lines.ShouldContain(l => l.Contains("+351915211836") && l.Contains("123456789"));
        lines.ShouldContain(l => l.Contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
        lines.ShouldAllBe(l => !l.Contains("PT50"));
    }

    [Fact]
    public async Task Gdpr_export_returns_everything_and_erase_clears_it_but_keeps_the_history()
    {
        var id = await RegisterAsync("+351915211836", "123456789");

        var (exportStatus, export) = await Host.StaffGetAsync($"/api/drivers/{id}/gdpr-export");
        var (eraseStatus, erased) = await Host.StaffPostAsync($"/api/drivers/{id}/erase", new { });

        exportStatus.ShouldBe(200);
        export.GetProperty("driver").Str("iban").ShouldBe("PT50000201231234567890154");
        export.GetProperty("driver").GetProperty("history").GetArrayLength().ShouldBe(1);
        eraseStatus.ShouldBe(200);
        erased.Str("status").ShouldBe("erased");
        var row = await QuerySingleAsync<(string Phone, string? Name, string? Nif, string? Iban, string? Email)>("SELECT phone_e164, full_name, nif, iban, email FROM drivers");
        row.ShouldBe(($"erased:{id}", null, null, null, null));
        (await QuerySingleAsync<long>("SELECT count(*) FROM driver_status_history")).ShouldBe(2);
        // The same person may register again afterwards, as a new driver.
        (await Host.RegisterAsync(DriverScenarios.ValidRegistration())).Status.ShouldBe(201);
    }

    [Theory]
    [InlineData("/api/drivers")]
    [InlineData("/api/drivers/export.csv")]
    public async Task Records_need_a_staff_key(string url)
    {
        (await Host.StaffGetAsync(url, key: AppFixture.TypebotKey)).Status.ShouldBe(403);
        (await Host.StaffGetAsync(url, key: "not-a-key-at-all-000000")).Status.ShouldBe(401);
        var anonymous = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(401);
        });
        (await anonymous.ReadAsTextAsync()).ShouldContain("\"status\":401");
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_key()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(200);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(200);
        });
    }

    private async Task<List<string>> ListIds(string url)
    {
        var (status, body) = await Host.StaffGetAsync(url);
        status.ShouldBe(200, body.ToString());
        return body.GetProperty("items").EnumerateArray().Select(x => x.Str("id")).ToList();
    }
}
