using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// The bridge page outside the Sandbox: the QR code as a data: image under the page's policy, a dead letter retried, the
/// number's budgets and why service notices are paused.
/// </summary>
public sealed class BridgePageBrowserTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    // A 1×1 PNG, as WPPConnect gives its QR code: a data: URI.
    private const string Qr = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        await host.Database.ResetAsync();
        (_context, _page) = await BrowserPage.OpenAsync(host, new ViewportSize { Width = 1280, Height = 900 }, 15_000, _pageErrors);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Staff_see_the_qr_code_and_retry_a_dead_letter()
    {
        await using (var connection = new NpgsqlConnection(host.Database.ConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO bridge_state (key, value) VALUES ('wpp.status', 'QRCODE'), ('wpp.qrcode', @Qr);
                INSERT INTO outbox (dedupe_key, wa_chat_id, kind, payload, state, attempts, last_error)
                VALUES ('cw:41', '351915211836@c.us', 'text', '{"text":"Olá"}', 'dead', 14, 'WPPConnect 404: session Disconnected');
                """, new { Qr });
        }

        var page = _page;
        await page.GotoAsync("/console#/bridge");
        await page.FillAsync("#api-key", AppFixture.StaffKey);
        await page.ClickAsync("#login-form button[type=submit]");

        await Expect(page.Locator("#br-session")).ToHaveTextAsync("QRCODE");
        var qr = page.Locator("#br-qr");
        await Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1")).ShouldBe(1, "the data: image loads under the page's policy");
        await Expect(page.Locator("#br-dead")).ToHaveTextAsync("1");
        var row = page.Locator("#dead-letters tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("+351*****1836");
        await Expect(row).ToContainTextAsync("session Disconnected");
        await Expect(row).Not.ToContainTextAsync("351915211836");
        // Not in Sandbox mode: no Sandbox link.
        await Expect(page.Locator("#nav-sandbox")).ToBeHiddenAsync();
        await ScreenshotAsync("bridge-01-qr-and-dead-letter");

        await row.Locator("button.retry").ClickAsync();
        await Expect(page.Locator("#dead-message")).ToContainTextAsync("voltou à fila");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#dead-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#br-dead")).ToHaveTextAsync("0");
        await Expect(page.Locator("#br-outbox")).ToHaveTextAsync("1");
        await ScreenshotAsync("bridge-02-dead-letter-retried");

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_see_the_number_budgets_and_why_service_notices_are_paused()
    {
        // Five notices and three replies in the last minute, notices restricted for six hours, three notices not sent.
        await ExecuteAsync("""
            INSERT INTO bridge_state (key, value) VALUES ('wpp.status', 'CONNECTED'),
                ('governor.restricted_until', ((extract(epoch FROM now() + interval '6 hours') * 1000)::bigint)::text),
                ('governor.restricted_reason', 'restricted (463): reachout-timelock');
            INSERT INTO governor_grants (budget, granted_at, next_at)
            SELECT 'whatsapp.service_notices', now() - make_interval(secs => i * 5), now() - make_interval(secs => i * 5) FROM generate_series(1, 5) i
            UNION ALL SELECT 'whatsapp.replies', now() - make_interval(secs => i), now() - make_interval(secs => i) FROM generate_series(1, 3) i;
            INSERT INTO outbox (dedupe_key, wa_chat_id, kind, payload, state, message_class, sent_at, last_error)
            VALUES ('n1', '351915211836@c.us', 'text', '{}', 'sent', 'service_notice', now(), 'dropped: cold chat: the driver did not write within the window'),
                   ('n2', '351915211837@c.us', 'text', '{}', 'sent', 'service_notice', now(), 'dropped: cold chat: the driver did not write within the window'),
                   ('n3', '351915211838@c.us', 'text', '{}', 'sent', 'service_notice', now(), 'dropped: expired after 24 h');
            """);

        var page = _page;
        await page.GotoAsync("/console#/bridge");
        await page.FillAsync("#api-key", AppFixture.StaffKey);
        await page.ClickAsync("#login-form button[type=submit]");

        var state = page.Locator("#gov-state");
        await Expect(state).ToHaveTextAsync("EM PAUSA");
        await Expect(state).ToHaveAttributeAsync("data-because", "restricted");
        await Expect(page.Locator("#gov-detail")).ToContainTextAsync("Avisos em pausa até");
        await Expect(page.Locator("#gov-reason")).ToContainTextAsync("463");
        await Expect(page.Locator("#gov-ramp")).ToHaveTextAsync("Limites completos (sem rampa).");
        var notices = page.Locator("#gov-budgets tr[data-class=service_notice]");
        await Expect(notices.Locator("td[data-window=minute]")).ToHaveTextAsync("5 / 8");
        await Expect(notices.Locator("td[data-window=hour]")).ToHaveTextAsync("5 / 200");
        await Expect(notices.Locator("td[data-window=day]")).ToHaveTextAsync("5 / 1500");
        var replies = page.Locator("#gov-budgets tr[data-class=reply]");
        await Expect(replies.Locator("td[data-window=minute]")).ToHaveTextAsync("3 / 30");
        await Expect(replies.Locator("td[data-window=hour]")).ToHaveTextAsync("3 / —");
        await Expect(page.Locator("#gov-cold")).ToHaveTextAsync("2");
        await Expect(page.Locator("#gov-expired")).ToHaveTextAsync("1");
        await ScreenshotAsync("bridge-03-number-restricted");

        // The pause is over but the phone logged out; the session had come back five minutes earlier, so the limits
        // are on the ramp (62.5% and growing 0.125% a second).
        await ExecuteAsync("""
            UPDATE bridge_state SET value = 'QRCODE' WHERE key = 'wpp.status';
            DELETE FROM bridge_state WHERE key LIKE 'governor.restricted%';
            INSERT INTO bridge_state (key, value)
            VALUES ('governor.connected_since', ((extract(epoch FROM now() - interval '5 minutes') * 1000)::bigint)::text);
            """);
        await Expect(state).ToHaveAttributeAsync("data-because", "session");
        await Expect(state).ToHaveTextAsync("EM PAUSA");
        await Expect(page.Locator("#gov-detail")).ToContainTextAsync("à espera da sessão (QRCODE)");
        await Expect(page.Locator("#gov-reason")).ToBeHiddenAsync();
        await Expect(page.Locator("#gov-ramp")).ToHaveTextAsync(new Regex(@"^Rampa após a ligação: 6[3-9]% dos limites\.$"));
        // floor(8 × share) stays 5 while the share is below 75%: for more than a minute after the update.
        var minute = notices.Locator("td[data-window=minute]");
        await Expect(minute).ToHaveTextAsync("5 / 5");
        await Expect(minute).ToHaveClassAsync("spent");
        await ScreenshotAsync("bridge-04-number-waiting-for-the-session");

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sandbox_page_says_it_is_off_outside_the_sandbox()
    {
        await _page.GotoAsync("/console#/sandbox");
        await Expect(_page.Locator("#api-key")).ToHaveValueAsync("");
        await _page.FillAsync("#api-key", AppFixture.StaffKey);
        await _page.ClickAsync("#login-form button[type=submit]");

        await Expect(_page.Locator("#sandbox-error")).ToContainTextAsync("não está ativo");
        await Expect(_page.Locator("#nav-sandbox")).ToBeHiddenAsync();
        _pageErrors.ShouldBeEmpty();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(ConsoleHost.ScreenshotDirectory, name + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine("screenshot: " + path);
    }
}
