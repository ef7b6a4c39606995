using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// A fresh browser context and page on a console host, pt-PT, with the given timeouts; script errors and
/// Content-Security-Policy violations (a blocked image included) are collected into <c>errors</c>, the console's own
/// logs of 4xx answers aside.
/// </summary>
internal static class BrowserPage
{
    public static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(
        ConsoleHost host, ViewportSize viewport, float timeoutMs, List<string> errors, bool acceptDownloads = false)
    {
        SetDefaultExpectTimeout(timeoutMs);
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "pt-PT",
            ViewportSize = viewport,
            AcceptDownloads = acceptDownloads,
        });
        context.SetDefaultTimeout(timeoutMs);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.Contains("status of 4", StringComparison.Ordinal))
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        return (context, page);
    }
}
