using System.Text.Json;
using Npgsql;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Applications;

namespace Onboarding.Api.Tests.Features.Analytics;

/// <summary>
/// Eight applications with known stopping points, written through the same store calls the router makes, registered
/// and reviewed through the API, then timed exactly: the funnel must come out to the number.
/// </summary>
public sealed class FunnelTests(AppFixture app) : IntegrationContext(app)
{
    private const string Privacy = "b_privacy_choice";
    private const string Phone = "b_phone_input";
    private const string Name = "b_full_name_input";
    private const string Nif = "b_nif_input";
    private static readonly string[] Questions = [Privacy, Phone, Name, Nif];

    // Monday 2 November 2026, 10:00 in Lisbon (UTC in winter), and the week after.
    private static readonly DateTime Week1 = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Week2 = new(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Seeded_applications_give_the_exact_funnel()
    {
        await SeedAsync();

        var (status, funnel) = await Host.StaffGetAsync("/api/analytics/funnel");

        status.ShouldBe(200, funnel.ToString());
        Stages(funnel).ShouldBe(
        [
            ("first_contact", 8, null, null),
            ("bot_started", 7, 0.875, 40.0),
            ("submitted", 4, 0.5714, 1500.0),
            ("under_review", 3, 0.75, 7200.0),
            ("approved", 1, 0.3333, 86400.0),
            ("rejected", 1, 0.3333, 43200.0),
        ]);
        funnel.GetProperty("documents_stage").GetBoolean().ShouldBeFalse();
        QuestionRows(funnel).ShouldBe(
        [
            (Privacy, "Boas-vindas e privacidade", 7, 1),
            (Phone, "Telefone", 6, 1),
            (Name, "Nome completo", 5, 1),
            (Nif, "NIF", 4, 0),
        ]);
        funnel.GetProperty("questions")[3].Str("name").ShouldBe("nif");
        Weeks(funnel).ShouldBe([("2026-11-02", 6, 6, 4), ("2026-11-09", 2, 1, 0)]);
        var reminders = funnel.GetProperty("reminders");
        (reminders.GetProperty("nudged").GetInt32(), reminders.GetProperty("recovered").GetInt32(), reminders.GetProperty("recovered_submitted").GetInt32())
            .ShouldBe((1, 1, 0));
    }

    [Fact]
    public async Task Language_and_period_filter_every_stage_and_question()
    {
        await SeedAsync();

        var (_, english) = await Host.StaffGetAsync("/api/analytics/funnel?language=en");
        var (_, secondWeek) = await Host.StaffGetAsync("/api/analytics/funnel?from=2026-11-09&to=2026-11-15");
        var (_, firstWeek) = await Host.StaffGetAsync("/api/analytics/funnel?from=2026-11-02&to=2026-11-02");

        Stages(english).Select(s => (s.Key, s.Count)).ShouldBe([("first_contact", 1), ("bot_started", 1), ("submitted", 0), ("under_review", 0), ("approved", 0), ("rejected", 0)]);
        QuestionRows(english).ShouldBe([(Privacy, "Boas-vindas e privacidade", 1, 1)]);
        Stages(secondWeek).Select(s => (s.Key, s.Count)).Take(2).ShouldBe([("first_contact", 2), ("bot_started", 1)]);
        QuestionRows(secondWeek).ShouldBe([(Privacy, "Boas-vindas e privacidade", 1, 1)]);
        Stages(firstWeek).Select(s => s.Count).ShouldBe([6, 6, 4, 3, 1, 1]);
        QuestionRows(firstWeek).Select(q => q.Reached).ShouldBe([6, 6, 5, 4]);
    }

    [Fact]
    public async Task District_and_vehicle_filter_from_submitted_on()
    {
        await SeedAsync();

        var (_, porto) = await Host.StaffGetAsync("/api/analytics/funnel?district=Porto");
        var (_, lisbonMotorbikes) = await Host.StaffGetAsync("/api/analytics/funnel?district=PT-11&vehicle_type=motorcycle");

        Stages(porto).Select(s => s.Count).ShouldBe([8, 7, 2, 1, 0, 0]);
        Stages(porto)[2].MedianSeconds.ShouldBe(2100.0);
        Stages(lisbonMotorbikes).Select(s => s.Count).ShouldBe([8, 7, 1, 1, 0, 1]);
        QuestionRows(porto).Select(q => q.Reached).ShouldBe([7, 6, 5, 4]);
    }

    [Fact]
    public async Task The_funnel_as_csv_by_format_or_accept_header()
    {
        await SeedAsync();

        var byFormat = await Host.Scenario(s =>
        {
            s.Get.Url("/api/analytics/funnel?format=csv");
            s.WithRequestHeader("X-Api-Key", AppFixture.StaffKey);
        });
        var byAccept = await Host.Scenario(s =>
        {
            s.Get.Url("/api/analytics/funnel?language=en");
            s.WithRequestHeader("X-Api-Key", AppFixture.StaffKey);
            s.WithRequestHeader("Accept", "text/csv");
        });

        byFormat.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        var lines = (await byFormat.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("section,key,group,name,count,conversion,median_seconds,stopped_here,bot_started,submitted,approved,recovered");
        lines.ShouldContain("stage,submitted,,,4,0.5714,1500,,,,,");
        lines.ShouldContain("question,b_nif_input,NIF,nif,4,,,0,,,,");
        lines.ShouldContain("week,2026-11-02,,,6,,,,6,4,1,1");
        lines.ShouldContain("reminders,nudged,,,1,,,,,0,,1");
        (await byAccept.ReadAsTextAsync()).ShouldContain("stage,first_contact,,,1,,,,,,,");
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("district=Atlantida", "district")]
    [InlineData("vehicle_type=rocket", "vehicle_type")]
    [InlineData("language=portuguese!", "language")]
    [InlineData("flow=a%20b", "flow")]
    [InlineData("format=xml", "format")]
    public async Task Invalid_filters_are_a_400_naming_the_field(string query, string field)
    {
        var (status, body) = await Host.StaffGetAsync("/api/analytics/funnel?" + query);

        status.ShouldBe(400);
        body.GetProperty("errors").EnumerateArray().Select(e => e.Str("name")).ShouldContain(field, body.ToString());
    }

    [Fact]
    public async Task The_funnel_is_for_staff_only()
    {
        var (status, _) = await Host.StaffGetAsync("/api/analytics/funnel", AppFixture.TypebotKey);

        status.ShouldBe(403);
    }

    [Fact]
    public async Task Weeks_begin_on_Monday_in_Lisbon_in_summer_time()
    {
        // Sunday 7 June 2026 at 22:30 and 23:30 UTC: 23:30 on Sunday and 00:30 on Monday in Lisbon (UTC+1).
        var sunday = new DateTime(2026, 6, 7, 22, 30, 0, DateTimeKind.Utc);
        foreach (var (n, at) in new[] { (1, sunday), (2, sunday.AddHours(1)) })
        {
            var contact = await ContactAsync(n);
            await TurnAsync(contact, "pt", "driver-onboarding", at, at, started: true, answered: null, next: Privacy);
        }

        var (status, funnel) = await Host.StaffGetAsync("/api/analytics/funnel?from=2026-06-01&to=2026-06-14");

        status.ShouldBe(200, funnel.ToString());
        Weeks(funnel).ShouldBe([("2026-06-01", 1, 1, 0), ("2026-06-08", 1, 1, 0)]);
    }

    [Fact]
    public async Task The_pending_question_is_the_one_the_session_waits_on_since_it_was_first_asked()
    {
        await SeedAsync();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        var stopped = await ApplicationProgress.PendingQuestionAsync(connection, Chat(5), TestContext.Current.CancellationToken);
        var submitted = await ApplicationProgress.PendingQuestionAsync(connection, Chat(1), TestContext.Current.CancellationToken);
        var languageOnly = await ApplicationProgress.PendingQuestionAsync(connection, Chat(7), TestContext.Current.CancellationToken);

        stopped.ShouldNotBeNull();
        stopped.BlockId.ShouldBe(Phone);
        stopped.Since.ShouldBe(Week1.AddMinutes(50).AddSeconds(50 + 60));
        stopped.NudgesSent.ShouldBe(1);
        submitted.ShouldBeNull();
        languageOnly.ShouldBeNull();
    }

    /// <summary>
    /// A1–A4 answer the four questions and register (A1, A2 in Lisbon, A3, A4 in Porto; A2 on a motorcycle); A1 is
    /// approved, A2 rejected, A3 under review. A5 stops at the phone (and comes back after a reminder only to stop
    /// there again), A6 at the name. A7 (week 2) only answered the language question; A8 (week 2, English) stops at
    /// the first question. Bot start delays 10…70 s (median 40).
    /// </summary>
    private async Task SeedAsync()
    {
        for (var n = 1; n <= 8; n++)
        {
            var first = (n <= 6 ? Week1 : Week2).AddMinutes(10 * n);
            var contact = await ContactAsync(n);
            if (n == 7)
            {
                await WriteAsync((c, tx) => ApplicationProgress.RecordTurnAsync(c, tx, new BotTurnProgress { ContactId = contact, At = first, FirstMessageAt = first }, TestContext.Current.CancellationToken));
                continue;
            }

            var language = n == 8 ? "en" : "pt";
            var flow = n == 8 ? "driver-onboarding-en" : "driver-onboarding";
            var reached = n switch { <= 4 => 4, 5 => 2, 6 => 3, _ => 1 };
            var at = first.AddSeconds(10 * (n == 8 ? 7 : n));
            await TurnAsync(contact, language, flow, at, first, started: true, answered: null, next: Questions[0]);
            for (var q = 1; q < reached; q++)
            {
                await TurnAsync(contact, language, flow, at.AddSeconds(60 * q), null, started: false, answered: Questions[q - 1], next: Questions[q]);
            }

            if (n == 5)
            {
                await WriteAsync((c, tx) => ApplicationProgress.NudgeSentAsync(c, tx, contact, TestContext.Current.CancellationToken));
                await TurnAsync(contact, language, flow, at.AddHours(3), null, started: false, answered: Phone, next: Phone);
            }

            if (n <= 4)
            {
                await TurnAsync(contact, language, flow, at.AddSeconds(60 * reached), null, started: false, answered: Nif, next: null);
                await RegisterAndReviewAsync(n, at);
            }
        }
    }

    private async Task RegisterAndReviewAsync(int n, DateTime botStarted)
    {
        var body = DriverScenarios.ValidRegistration(PhoneOf(n), nif: null);
        body["wa_chat_id"] = Chat(n);
        body["district"] = n <= 2 ? "Lisboa" : "Porto";
        body["vehicle_type"] = n == 2 ? "motorcycle" : "Carro";
        body["licence_categories"] = n == 2 ? "A" : "B";
        var (status, created) = await Host.RegisterAsync(body);
        status.ShouldBe(201, created.ToString());
        var id = created.Str("driver_id");
        if (n <= 3)
        {
            (await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = "under_review", version = 1 })).Status.ShouldBe(200);
        }

        if (n <= 2)
        {
            var decision = n == 1 ? "approved" : "rejected";
            (await Host.StaffPostAsync($"/api/drivers/{id}/status", new { status = decision, version = 2, reason = "verificado" })).Status.ShouldBe(200);
        }

        // The stages were written by the registration and the review just now; set them to known times.
        var submitted = botStarted.AddSeconds(600 * n);
        var reviewed = submitted.AddSeconds(3600 * n);
        var decided = reviewed.AddSeconds(n == 1 ? 86400 : 43200);
        var written = await QuerySingleAsync<int>(
            """
            UPDATE applications SET submitted_at = @submitted,
                under_review_at = CASE WHEN under_review_at IS NOT NULL THEN @reviewed END,
                decided_at = CASE WHEN decided_at IS NOT NULL THEN @decided END
            WHERE driver_id = @id::uuid AND submitted_at IS NOT NULL
              AND (under_review_at IS NOT NULL) = (@n <= 3) AND (decision IS NOT NULL) = (@n <= 2)
            RETURNING 1
            """, new { submitted, reviewed, decided, id, n });
        written.ShouldBe(1);
    }

    private Task TurnAsync(long contact, string language, string flow, DateTime at, DateTime? first, bool started, string? answered, string? next) =>
        WriteAsync((c, tx) => ApplicationProgress.RecordTurnAsync(c, tx, new BotTurnProgress
        {
            ContactId = contact,
            At = at,
            FirstMessageAt = first,
            Language = language,
            Flow = flow,
            Started = started,
            Replied = true,
            AnsweredBlockId = answered,
            ReachedBlockId = next,
        }, TestContext.Current.CancellationToken));

    private async Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> write)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var tx = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await write(connection, tx);
        await tx.CommitAsync(TestContext.Current.CancellationToken);
    }

    private Task<long> ContactAsync(int n) =>
        QuerySingleAsync<long>("INSERT INTO contacts (wa_chat_id, phone_e164) VALUES (@chat, @phone) RETURNING id", new { chat = Chat(n), phone = PhoneOf(n) });

    private static string PhoneOf(int n) => $"+35191521183{n}";

    private static string Chat(int n) => $"35191521183{n}@c.us";

    private static List<(string Key, long Count, double? Conversion, double? MedianSeconds)> Stages(JsonElement funnel) =>
        funnel.GetProperty("stages").EnumerateArray().Select(s => (s.Str("key"), s.GetProperty("count").GetInt64(),
            s.GetProperty("conversion").ValueKind == JsonValueKind.Null ? (double?)null : s.GetProperty("conversion").GetDouble(),
            s.GetProperty("median_seconds").ValueKind == JsonValueKind.Null ? (double?)null : s.GetProperty("median_seconds").GetDouble())).ToList();

    private static List<(string BlockId, string Group, int Reached, int StoppedHere)> QuestionRows(JsonElement funnel) =>
        funnel.GetProperty("questions").EnumerateArray().Select(q => (q.Str("block_id"), q.Str("group"),
            q.GetProperty("reached").GetInt32(), q.GetProperty("stopped_here").GetInt32())).ToList();

    private static List<(string Week, int FirstContact, int BotStarted, int Submitted)> Weeks(JsonElement funnel) =>
        funnel.GetProperty("weeks").EnumerateArray().Select(w => (w.Str("week"), w.GetProperty("first_contact").GetInt32(),
            w.GetProperty("bot_started").GetInt32(), w.GetProperty("submitted").GetInt32())).ToList();
}
