using Dapper;
using Microsoft.Playwright;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>The funnel page in headless Chromium: bars, drop-off per question and the weekly trend under the strict policy.</summary>
public sealed class FunnelPageBrowserTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        await host.Database.ResetAsync();
        (_context, _page) = await BrowserPage.OpenAsync(host, new ViewportSize { Width = 1280, Height = 900 }, 15_000, _pageErrors, acceptDownloads: true);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Staff_read_the_funnel_and_filter_it_by_language()
    {
        await SeedAsync();
        var page = _page;
        await page.GotoAsync("/console#/funnel");
        await page.FillAsync("#api-key", AppFixture.StaffKey);
        await page.ClickAsync("#login-form button[type=submit]");

        var stages = page.Locator("#fn-stages g.bar-row");
        await Expect(stages).ToHaveCountAsync(6);
        await Expect(stages.Nth(0)).ToContainTextAsync("Primeiro contacto");
        await Expect(stages.Nth(0)).ToContainTextAsync("400");
        await Expect(stages.Nth(1)).ToContainTextAsync("380 · 95,0%");
        await Expect(stages.Nth(2)).ToContainTextAsync("Registo submetido");
        await Expect(stages.Nth(2)).ToContainTextAsync("140 · 36,8% · mediana 20 min");
        await Expect(page.Locator("#fn-questions g.bar-row")).ToHaveCountAsync(15);
        await Expect(page.Locator("#fn-questions g.bar-row").First).ToContainTextAsync("Boas-vindas e privacidade · privacy_accepted");
        await Expect(page.Locator("#fn-questions g.bar-row").First).ToContainTextAsync("380 · pararam");
        await Expect(page.Locator("#fn-weeks g.week")).ToHaveCountAsync(8);
        await Expect(page.Locator("#fn-reminders")).ToContainTextAsync("0 recuperadas");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleHost.ScreenshotDirectory, "funnel-01.png"), FullPage = true });

        await page.SelectOptionAsync("#fn-language", "en");
        await page.ClickAsync("#fn-apply");
        await Expect(stages.Nth(0)).ToContainTextAsync("100");
        await Expect(stages.Nth(0)).Not.ToContainTextAsync("400");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#fn-csv"));
        download.SuggestedFilename.ShouldBe("funnel.csv");
        (await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).ShouldStartWith("section,key,group,name,count");
        _pageErrors.ShouldBeEmpty();
    }

    /// <summary>
    /// 400 applications over the eight weeks before 30 November 2026, one in four in English: every twentieth never
    /// got past the language question, seven in twenty answered all fifteen questions and registered (20 minutes after
    /// the bot started), the rest stopped at question 1 + n mod 13.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.ExecuteAsync("""
            WITH blocks AS (
                SELECT ARRAY['b_privacy_choice', 'b_phone_input', 'b_full_name_input', 'b_nif_input', 'b_email_input',
                    'b_birth_date_input', 'b_district_input', 'b_municipality_input', 'b_postal_code_input', 'b_vehicle_type_input',
                    'b_licence_plate_input', 'b_driving_licence_number_input', 'b_licence_categories_input', 'b_iban_input',
                    'b_availability_input'] AS ids),
            seeded AS (
                SELECT g, timestamptz '2026-11-29 12:00Z' - (g % 56) * interval '1 day' AS t,
                    CASE WHEN g % 20 = 0 THEN 0 WHEN g % 10 < 4 THEN 15 ELSE 1 + g % 13 END AS reached
                FROM generate_series(1, 400) g)
            INSERT INTO applications (language, flow, started_at, first_contact_at, bot_started_at, submitted_at, under_review_at,
                decided_at, decision, district_code, vehicle_type, question_block_id, question_at)
            SELECT CASE WHEN g % 4 = 0 THEN 'en' ELSE 'pt' END, CASE WHEN g % 4 = 0 THEN 'driver-onboarding-en' ELSE 'driver-onboarding' END,
                t, t, CASE WHEN reached > 0 THEN t + interval '30 seconds' END,
                CASE WHEN reached = 15 THEN t + interval '20 minutes 30 seconds' END,
                CASE WHEN reached = 15 AND g % 3 <> 0 THEN t + interval '1 day' END,
                CASE WHEN reached = 15 AND g % 3 = 1 THEN t + interval '3 days' END,
                CASE WHEN reached = 15 AND g % 3 = 1 THEN CASE WHEN g % 2 = 0 THEN 'approved' ELSE 'rejected' END END,
                CASE WHEN reached = 15 THEN 'PT-' || lpad((1 + g % 18)::text, 2, '0') END, CASE WHEN reached = 15 THEN 'car' END,
                CASE WHEN reached > 0 THEN (SELECT ids[reached] FROM blocks) END, t + reached * interval '1 minute'
            FROM seeded;

            INSERT INTO application_questions (application_id, block_id, reached_at)
            SELECT a.id, b.id, a.started_at + b.n * interval '1 minute'
            FROM applications a, (SELECT ids FROM (SELECT ARRAY['b_privacy_choice', 'b_phone_input', 'b_full_name_input', 'b_nif_input', 'b_email_input',
                    'b_birth_date_input', 'b_district_input', 'b_municipality_input', 'b_postal_code_input', 'b_vehicle_type_input',
                    'b_licence_plate_input', 'b_driving_licence_number_input', 'b_licence_categories_input', 'b_iban_input',
                    'b_availability_input'] AS ids) x) blocks, unnest(blocks.ids) WITH ORDINALITY AS b(id, n)
            WHERE b.n <= COALESCE(array_position(blocks.ids, a.question_block_id), 0);

            INSERT INTO funnel_question_days (day, language, flow, block_id, reached)
            SELECT (a.started_at AT TIME ZONE 'Europe/Lisbon')::date, a.language, a.flow, q.block_id, count(*)
            FROM application_questions q JOIN applications a ON a.id = q.application_id GROUP BY 1, 2, 3, 4;
            """);
    }
}
