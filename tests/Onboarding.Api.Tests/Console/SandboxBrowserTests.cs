using System.Net.Http.Json;
using Microsoft.Playwright;
using Onboarding.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// The Sandbox in headless Chromium against the real host in Sandbox mode: a driver registers with the bot on the
/// simulated phone, the agent view gets the handoff note, staff approve the driver and the phone hears of it.
/// </summary>
public sealed class SandboxBrowserTests(SandboxConsoleHost host) : IClassFixture<SandboxConsoleHost>, IAsyncLifetime
{
    private const string Maria = "Maria da Silva Santos";

    private readonly List<string> _pageErrors = [];
    private readonly List<string> _screenshots = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        (_context, _page) = await BrowserPage.OpenAsync(host, new ViewportSize { Width = 1366, Height = 1000 }, 30_000, _pageErrors);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        foreach (var path in _screenshots)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("screenshot: " + path);
        }
    }

    [Fact]
    public async Task A_driver_registers_on_the_sandbox_phone_is_approved_by_staff_and_is_told_on_the_phone()
    {
        var page = _page;

        // Sandbox mode fills the login with the development staff key and shows the Sandbox link.
        await page.GotoAsync("/console#/sandbox");
        await Expect(page.Locator("#api-key")).ToHaveValueAsync(AppFixture.StaffKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#sandbox-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-sandbox")).ToBeVisibleAsync();

        await page.FillAsync("#sb-new-number", "912 345 678");
        await page.FillAsync("#sb-new-name", "Maria");
        await page.ClickAsync("#sb-create");
        await Expect(page.Locator("#sb-phone-number")).ToHaveTextAsync("+351912345678");
        await Expect(page.Locator("#sb-phone-name")).ToHaveTextAsync("Maria");

        // The Sandbox runs the shipped flows, Portuguese and English: a new driver picks the language first. Then the
        // flow's first turn: its *bold* rendered and the numbered choices.
        await SayAsync("Olá", "1. Português");
        await SayAsync("1", "Aviso de privacidade");
        await Expect(page.Locator("#sb-chat .bubble[data-sender=bot] strong").Filter(new() { HasText = "Aviso de privacidade" })).ToBeVisibleAsync();
        await Expect(page.Locator("#sb-chat .bubble[data-sender=bot] .choice").Filter(new() { HasText = "1. Continuar" })).ToBeVisibleAsync();
        await Expect(page.Locator("#sb-conversation-tags .tag.mode-bot")).ToBeVisibleAsync();
        await Expect(page.Locator("#sb-conversation-tags")).Not.ToContainTextAsync("null");
        await ScreenshotAsync("sandbox-01-bot-privacy-notice");

        await SayAsync("1", "nome completo");
        foreach (var answer in new[] { Maria, "123456789", "maria.santos@example.pt", "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0002 0123 1234 5678 9015 4" })
        {
            await SayAsync(answer);
        }

        await SayAsync("Manhãs, Fins de semana", "Obrigado, Maria!");
        await ScreenshotAsync("sandbox-02-registered");

        // The agent view follows the phone's conversation: handed to agents with the summary as a private note.
        var note = page.Locator("#sb-messages .bubble[data-private=true]");
        await Expect(note).ToHaveCountAsync(1);
        await Expect(note).ToContainTextAsync("o fluxo do bot terminou");
        await Expect(note).ToContainTextAsync(Maria);
        await Expect(note).Not.ToContainTextAsync("123456789");
        var tags = page.Locator("#sb-conversation-tags");
        await Expect(tags.Locator(".tag.status-open")).ToBeVisibleAsync();
        await Expect(tags.Locator(".tag.mode-human")).ToBeVisibleAsync();
        await Expect(tags).ToContainTextAsync("equipa: onboarding");
        await Expect(tags).ToContainTextAsync("candidatura");
        await ScreenshotAsync("sandbox-03-agent-handoff-note");

        // The agent answers; the driver reads it on the phone.
        await page.FillAsync("#sb-reply-text", "Olá Maria, bem-vinda! Vamos rever os seus documentos.");
        await page.ClickAsync("#sb-reply-send");
        await Expect(page.Locator("#sb-chat .bubble[data-sender=agent]")).ToContainTextAsync("Vamos rever os seus documentos.");

        // Staff open the driver from the note's console link and approve.
        await note.Locator("a.driver-link").ClickAsync();
        await Expect(page.Locator("#d-name")).ToHaveTextAsync(Maria);
        await page.ClickAsync("#status-actions button[data-status=under_review]");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Em análise");
        await page.FillAsync("#reason", "Documentos verificados");
        await page.ClickAsync("#status-actions button[data-status=approved]");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Aprovado");
        await Expect(page.Locator("#history tbody tr").Last).ToContainTextAsync("Documentos verificados");
        await ScreenshotAsync("sandbox-04-driver-approved");

        // Back on the phone: the approval notice, once.
        await page.ClickAsync("#nav-sandbox");
        var approval = page.Locator("#sb-chat .bubble[data-sender=notice]").Filter(new() { HasText = "Parabéns, Maria!" });
        await Expect(approval).ToHaveCountAsync(1);
        await page.ClickAsync("#sb-resolve");
        await Expect(tags.Locator(".tag.status-resolved")).ToBeVisibleAsync();
        await ScreenshotAsync("sandbox-05-phone-approval-notice");

        // The bridge page: a connected session, nothing given up.
        await page.ClickAsync("nav a[href='#/bridge']");
        await Expect(page.Locator("#br-session")).ToHaveTextAsync("CONNECTED");
        await Expect(page.Locator("#br-dead")).ToHaveTextAsync("0");
        await Expect(page.Locator("#dead-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#dead-letters tbody tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#br-qr")).ToBeHiddenAsync();
        await Expect(page.Locator("#br-latencies tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync("sandbox-06-bridge");

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sandbox_api_checks_what_it_is_given()
    {
        (await SendAsync(HttpMethod.Post, "/api/sandbox/phones/12/messages", new { text = "" })).ShouldBe(400);
        (await SendAsync(HttpMethod.Get, "/api/sandbox/conversations/999/messages")).ShouldBe(404);
        (await SendAsync(HttpMethod.Post, "/api/sandbox/conversations/999/resolve")).ShouldBe(404);
        (await SendAsync(HttpMethod.Post, "/api/sandbox/conversations/999/replies", new { text = "Olá" })).ShouldBe(404);
        (await SendAsync(HttpMethod.Get, "/api/sandbox/phones", key: AppFixture.TypebotKey)).ShouldBe(403);
        (await SendAsync(HttpMethod.Get, "/api/sandbox/phones", key: null)).ShouldBe(401);
        (await SendAsync(HttpMethod.Get, "/api/sandbox/info", key: null)).ShouldBe(200);
    }

    [Fact]
    public async Task An_operator_uploads_an_edited_flow_and_tries_it_as_a_driver()
    {
        var page = _page;
        await page.GotoAsync("/console#/sandbox");
        await Expect(page.Locator("#api-key")).ToHaveValueAsync(AppFixture.StaffKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#sandbox-view")).ToBeVisibleAsync();

        try
        {
            await page.SetInputFilesAsync("#sb-flow-file", Path.Combine(AppContext.BaseDirectory, "Console", "Flows", "photo-flow.json"));
            await page.ClickAsync("#sb-flow-load");
            await Expect(page.Locator("#sb-flow-result")).ToContainTextAsync("photo-flow.json: a correr no Sandbox");
            await Expect(page.Locator("#sb-flow-result .finding.warning")).ToContainTextAsync("[api-not-called]");

            await page.FillAsync("#sb-new-number", "913 000 111");
            await page.FillAsync("#sb-new-name", "Operador");
            await page.ClickAsync("#sb-create");
            await Expect(page.Locator("#sb-phone-number")).ToHaveTextAsync("+351913000111");
            // The Sandbox runs two languages: a new driver picks one, and both now run the uploaded flow.
            await SayAsync("Olá", "Em que língua prefere continuar?");
            await SayAsync("1", "Envie uma foto da sua carta de condução.");
            await ScreenshotAsync("sandbox-07-uploaded-flow");
        }
        finally
        {
            // The other tests of this host expect the shipped flow.
            await page.SetInputFilesAsync("#sb-flow-file", Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json"));
            await page.ClickAsync("#sb-flow-load");
            await Expect(page.Locator("#sb-flow-result")).ToContainTextAsync("driver-onboarding.json: a correr no Sandbox");
        }
    }

    /// <summary>The driver types and sends; waits until the phone shows it and then an answer from the company.</summary>
    private async Task SayAsync(string text, string? expected = null)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.Now:HH:mm:ss.fff} > {text}");
        var mine = _page.Locator("#sb-chat .bubble[data-sender=driver]");
        var theirs = _page.Locator("#sb-chat .bubble:not([data-sender=driver])");
        var before = await mine.CountAsync();
        var answersBefore = await theirs.CountAsync();
        await _page.FillAsync("#sb-text", text);
        await _page.PressAsync("#sb-text", "Enter");
        await Expect(mine).ToHaveCountAsync(before + 1);

        // A new answer, however the phone orders messages written in the same second.
        await Expect(theirs.Nth(answersBefore)).ToBeAttachedAsync();
        if (expected is not null)
        {
            await Expect(_page.Locator("#sb-chat .bubble:not([data-sender=driver])").Filter(new() { HasText = expected }).Last).ToBeVisibleAsync();
        }
    }

    private async Task<int> SendAsync(HttpMethod method, string url, object? body = null, string? key = AppFixture.StaffKey)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    private async Task ScreenshotAsync(string name)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {name}");
        var path = Path.Combine(ConsoleHost.ScreenshotDirectory, name + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _screenshots.Add(path);
    }
}
