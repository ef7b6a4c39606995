using Dapper;
using Microsoft.Playwright;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>The bridge page outside the Sandbox: the QR code as a data: image under the page's policy, a dead letter retried.</summary>
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

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(ConsoleHost.ScreenshotDirectory, name + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine("screenshot: " + path);
    }
}
