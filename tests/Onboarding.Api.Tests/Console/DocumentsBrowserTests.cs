using Dapper;
using Microsoft.Playwright;
using Npgsql;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data.Documents.Files;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>A member of staff reviewing a driver's documents in the console, in headless Chromium against the real host.</summary>
public sealed class DocumentsBrowserTests(DocumentsConsoleHost host) : IClassFixture<DocumentsConsoleHost>, IAsyncLifetime
{
    private static readonly byte[] Front = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAKAAAABkCAIAAACO1KzYAAAAsUlEQVR42u3RAQkAAAgEsU9nMDMZ0Boig0twS/XocbEAsAALsAALsAALMGABFmABFmABFmDAAizAAizAAizAAgxYgAVYgAVYgAUYsAALsAALsAALMGABFmABFmABFmABBizAAizAAizAAgxYgAVYgAVYgAUYsAuABViABViABViAAQuwAAuwAAuwAAMWYAEWYAEWYAEWYMACLMACLMACLMCABViABViABViAAQuwAOteC9evy2UOCN78AAAAAElFTkSuQmCC");
    private static readonly byte[] Back = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAKAAAABkCAIAAACO1KzYAAAAsUlEQVR42u3RAQkAAAgEsW9mOuPZyRoig0twy3TpcbEAsAALsAALsAALMGABFmABFmABFmDAAizAAizAAizAAgxYgAVYgAVYgAUYsAALsAALsAALMGABFmABFmABFmABBizAAizAAizAAgxYgAVYgAVYgAUYsAuABViABViABViAAQuwAAuwAAuwAAMWYAEWYAEWYAEWYMACLMACLMACLMCABViABViABViAAQuwAOteC9S+7DC+3hMzAAAAAElFTkSuQmCC");

    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        await host.Database.ResetAsync();
        (_context, _page) = await BrowserPage.OpenAsync(host, new ViewportSize { Width = 1280, Height = 1400 }, 15_000, _pageErrors, acceptDownloads: false);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Staff_see_the_checklist_open_a_file_approve_one_side_and_ask_again_for_the_other()
    {
        var maria = await host.RegisterAsync(DriverScenarios.ValidRegistration());
        var front = await StoreAsync(maria, "identity", "front", Front);
        await StoreAsync(maria, "identity", "back", Back);

        await _page.GotoAsync($"/console#/drivers/{maria}");
        await _page.FillAsync("#api-key", AppFixture.StaffKey);
        await _page.ClickAsync("#login-form button[type=submit]");
        var items = _page.Locator("#doc-items .doc-item");
        // A car: identity and licence front and back, insurance, registration; two sides in, four missing.
        await Expect(items).ToHaveCountAsync(6);
        await Expect(_page.Locator("#doc-summary")).ToHaveTextAsync("Incompletos");
        await Expect(items.Nth(2)).ToContainTextAsync("em falta");
        await Expect(_page.Locator("img.doc-thumb")).ToHaveCountAsync(2);

        await _page.Locator("img.doc-thumb").First.ClickAsync();
        await Expect(_page.Locator("#doc-viewer img.doc-full")).ToBeVisibleAsync();
        // Each view is a line of the driver's history, after the registration.
        var view = _page.Locator("#history tr.view").First;
        await Expect(view).ToContainTextAsync("documento consultado");
        await Expect(view).ToContainTextAsync("staff-console");
        await Expect(_page.Locator("#history tbody tr").First).Not.ToHaveClassAsync("view");

        await items.First.Locator("button[data-action=approve]").ClickAsync();
        await Expect(_page.Locator("#doc-items .doc-item").First.Locator(".badge")).ToHaveTextAsync("aprovado");
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync("a fotografia está desfocada");
        await _page.Locator("#doc-items .doc-item").Nth(1).Locator("button[data-action=ask_again]").ClickAsync();
        await Expect(_page.Locator("#doc-items .doc-item").Nth(1)).ToContainTextAsync("pedido de novo");
        await Expect(_page.Locator("#doc-items .doc-item").Nth(1)).ToContainTextAsync("a fotografia está desfocada");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleHost.ScreenshotDirectory, "05-documents.png"), FullPage = true });

        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        (await connection.QuerySingleAsync<string>("SELECT state FROM driver_documents WHERE id = @front", new { front })).ShouldBe("approved");
        (await connection.QuerySingleAsync<long>("SELECT count(*) FROM document_views WHERE driver_id = @maria", new { maria })).ShouldBeGreaterThanOrEqualTo(2);
        _pageErrors.ShouldBeEmpty();
    }

    /// <summary>A file as the store route keeps it: in the host's local folder (its content root is the test output) and a row.</summary>
    private async Task<Guid> StoreAsync(Guid driverId, string kind, string side, byte[] bytes)
    {
        var id = Guid.NewGuid();
        var key = $"drivers/{driverId:D}/{id:N}";
        await new LocalDocumentFiles(Path.Combine(AppContext.BaseDirectory, "data", "documents")).PutAsync(key, new MemoryStream(bytes), "image/png", CancellationToken.None);
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.ExecuteAsync("""
            INSERT INTO driver_documents (id, driver_id, kind, side, file_key, sha256, content_type, size_bytes, sent_by)
            VALUES (@id, @driverId, @kind, @side, @key, 'test', 'image/png', @size, 'typebot-test')
            """, new { id, driverId, kind, side, key, size = bytes.LongLength });
        return id;
    }
}

/// <summary>The console host with the default document checklist on.</summary>
public sealed class DocumentsConsoleHost : ConsoleHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        base.Settings().Where(s => s.Key != "Documents:Enabled").Append(KeyValuePair.Create("Documents:Enabled", "true"));
}
