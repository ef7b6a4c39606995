using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>A member of staff reviewing drivers in the console, in headless Chromium against the real host.</summary>
public sealed class ConsoleBrowserTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    private const string Maria = "Maria da Silva Santos";
    private const string Joao = "João Pereira Gomes";

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
    public async Task Staff_filter_open_approve_and_reject_drivers()
    {
        var maria = await host.RegisterAsync(DriverScenarios.ValidRegistration());
        await host.RegisterAsync(JoaoRegistration());
        var page = _page;
        var rows = page.Locator("#drivers tbody tr");

        await LogInAsync("/console");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = Maria })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = Joao })).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".badge")).ToHaveTextAsync("Submetido");
        await ScreenshotAsync("01-list");

        // Text search narrows the list to one driver.
        await page.FillAsync("#f-q", "Pereira");
        await page.ClickAsync("#apply-filters");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(Joao);
        await page.ClickAsync("#clear-filters");
        await Expect(rows).ToHaveCountAsync(2);

        // Open Maria: every field, one history row, and the actions allowed from "submitted".
        await rows.Filter(new() { HasText = Maria }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#d-name")).ToHaveTextAsync(Maria);
        await Expect(page).ToHaveURLAsync(new Regex($"#/drivers/{maria}$"));
        await Expect(page.Locator("#d-fields")).ToContainTextAsync("123456789");
        await Expect(page.Locator("#d-fields")).ToContainTextAsync("maria.santos@example.pt");
        await Expect(page.Locator("#d-fields")).ToContainTextAsync("Lisboa");
        await Expect(page.Locator("#d-fields")).ToContainTextAsync("Carro");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#status-actions button[data-status=approved]")).ToHaveCountAsync(0);

        await page.ClickAsync("#status-actions button[data-status=under_review]");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Em análise");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);

        await page.FillAsync("#reason", "Documentos verificados");
        await page.ClickAsync("#status-actions button[data-status=approved]");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Aprovado");
        await Expect(page.Locator("#action-message")).ToContainTextAsync("Aprovado");
        var history = page.Locator("#history tbody tr");
        await Expect(history).ToHaveCountAsync(3);
        await Expect(history.Last).ToContainTextAsync("Em análise");
        await Expect(history.Last).ToContainTextAsync("Aprovado");
        await Expect(history.Last).ToContainTextAsync("Documentos verificados");
        await Expect(history.Last).ToContainTextAsync("staff-console");
        await ScreenshotAsync("02-driver-approved");

        // Back in the list, the status filter shows only the approved driver, then only the submitted one.
        await page.ClickAsync("#back");
        await Expect(rows).ToHaveCountAsync(2);
        await page.SelectOptionAsync("#f-status", "approved");
        await page.ClickAsync("#apply-filters");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(Maria);
        await Expect(rows.First.Locator(".badge")).ToHaveTextAsync("Aprovado");
        await page.SelectOptionAsync("#f-status", "submitted");
        await page.ClickAsync("#apply-filters");
        await Expect(rows.First).ToContainTextAsync(Joao);
        await Expect(rows).ToHaveCountAsync(1);

        // Rejecting without a reason shows the API's validation message and changes nothing.
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#d-name")).ToHaveTextAsync(Joao);
        await page.ClickAsync("#status-actions button[data-status=rejected]");
        var message = page.Locator("#action-message");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("Pedido inválido");
        await Expect(message).ToContainTextAsync("reason is required when rejecting");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Submetido");
        await ScreenshotAsync("03-reject-without-reason");

        await page.FillAsync("#reason", "Carta de condução caducada");
        await page.ClickAsync("#status-actions button[data-status=rejected]");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Rejeitado");
        await Expect(page.Locator("#history tbody tr").Last).ToContainTextAsync("Carta de condução caducada");
        await ScreenshotAsync("04-driver-rejected");

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_decision_on_a_driver_someone_else_changed_shows_the_conflict()
    {
        var maria = await host.RegisterAsync(DriverScenarios.ValidRegistration());
        var page = _page;

        await LogInAsync($"/console#/drivers/{maria}");
        await Expect(page.Locator("#d-name")).ToHaveTextAsync(Maria);
        await Expect(page.Locator("#d-version")).ToHaveTextAsync("versão 1");

        await host.ChangeStatusAsync(maria, "under_review", 1);
        await page.ClickAsync("#status-actions button[data-status=under_review]");

        var message = page.Locator("#action-message");
        await Expect(message).ToContainTextAsync("Conflito");
        await Expect(message).ToContainTextAsync("changed since you read it");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Submetido");
        await ScreenshotAsync("05-conflict");

        await page.ClickAsync("#reload-driver");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Em análise");
        await Expect(page.Locator("#d-version")).ToHaveTextAsync("versão 2");
        await Expect(page.Locator("#status-actions button[data-status=approved]")).ToBeEnabledAsync();

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Load_more_pages_through_the_list_and_the_csv_downloads_with_the_key()
    {
        await host.RegisterAsync(DriverScenarios.ValidRegistration());
        await host.RegisterAsync(JoaoRegistration());
        var page = _page;
        var rows = page.Locator("#drivers tbody tr");

        await LogInAsync("/console?limit=1");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(Joao);
        await page.ClickAsync("#load-more");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync(Maria);
        await Expect(page.Locator("#load-more")).ToBeHiddenAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        download.SuggestedFilename.ShouldBe("drivers.csv");
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        csv.ShouldStartWith("id,status,full_name,");
        csv.ShouldContain(Maria);
        csv.ShouldContain(Joao);

        // The key lives in sessionStorage only: a reload keeps the session, logging out forgets it.
        await page.ReloadAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string?>("sessionStorage.getItem('onboarding.staffKey')")).ShouldBeNull();

        _pageErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_not_kept()
    {
        await _page.GotoAsync("/console");
        await _page.FillAsync("#api-key", "not-a-staff-key-0000");
        await _page.ClickAsync("#login-form button[type=submit]");

        await Expect(_page.Locator("#login-error")).ToContainTextAsync("recusada");
        await Expect(_page.Locator("#list-view")).ToBeHiddenAsync();
        (await _page.EvaluateAsync<string?>("sessionStorage.getItem('onboarding.staffKey')")).ShouldBeNull();

        await _page.FillAsync("#api-key", AppFixture.TypebotKey);
        await _page.ClickAsync("#login-form button[type=submit]");
        await Expect(_page.Locator("#login-error")).ToContainTextAsync("não é uma chave de staff");
        (await _page.EvaluateAsync<string?>("sessionStorage.getItem('onboarding.staffKey')")).ShouldBeNull();
    }

    private async Task LogInAsync(string url)
    {
        await _page.GotoAsync(url);
        await _page.FillAsync("#api-key", AppFixture.StaffKey);
        await _page.ClickAsync("#login-form button[type=submit]");
        await Expect(_page.Locator("#login-view")).ToBeHiddenAsync();
    }

    private async Task ScreenshotAsync(string name) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ConsoleHost.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });

    private static Dictionary<string, object?> JoaoRegistration()
    {
        var joao = DriverScenarios.ValidRegistration(phone: "+351936000001", nif: "245678905");
        joao["full_name"] = Joao;
        joao["email"] = "joao.gomes@example.pt";
        joao["district"] = "Porto";
        joao["municipality"] = "Matosinhos";
        joao["postal_code"] = "4450-001";
        joao["vehicle_type"] = "Bicicleta";
        joao["licence_plate"] = null;
        joao["wa_chat_id"] = "351936000001@c.us";
        return joao;
    }
}
