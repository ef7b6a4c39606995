using System.Text.RegularExpressions;
using Alba;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Console;

/// <summary>The console files: served without auth, with their security headers, never with data.</summary>
public sealed class ConsolePageTests(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/console", "text/html; charset=utf-8", "<script src=\"/console/console.js\"")]
    [InlineData("/console/", "text/html; charset=utf-8", "id=\"login-form\"")]
    [InlineData("/console/console.js", "text/javascript; charset=utf-8", "X-Api-Key")]
    [InlineData("/console/console.css", "text/css; charset=utf-8", ".badge")]
    [InlineData("/console/whatsapp.js", "text/javascript; charset=utf-8", "WhatsAppText")]
    [InlineData("/console/whatsapp-choices.js", "text/javascript; charset=utf-8", "WhatsAppChoices")]
    [InlineData("/console/sandbox.js", "text/javascript; charset=utf-8", "/api/sandbox/")]
    [InlineData("/console/sandbox-flow.js", "text/javascript; charset=utf-8", "/api/sandbox/flow")]
    [InlineData("/console/sandbox.css", "text/css; charset=utf-8", ".bubble")]
    [InlineData("/console/bridge.js", "text/javascript; charset=utf-8", "/api/bridge/")]
    [InlineData("/console/bridge.css", "text/css; charset=utf-8", ".tiles")]
    public async Task Console_files_are_served_without_a_key_with_the_security_headers(string url, string contentType, string marker)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });

        var headers = result.Context.Response.Headers;
        headers.ContentType.ToString().ShouldBe(contentType);
        headers.ContentSecurityPolicy.ToString().ShouldBe(ConsoleExtensions.ContentSecurityPolicy);
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers.CacheControl.ToString().ShouldBe("no-cache");
        (await result.ReadAsTextAsync()).ShouldContain(marker);
    }

    [Fact]
    public void The_policy_allows_only_the_same_origin_data_images_and_blob_documents()
    {
        var directives = ConsoleExtensions.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);

        directives["default-src"].ShouldBe(["'self'"]);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        directives["object-src"].ShouldBe(["'none'"]);
        // The bridge page's WhatsApp QR code is the data: image WPPConnect gives; nothing else may load data: URIs.
        // The documents card shows files it fetched with the API key as blob: images and frames, nothing else.
        directives["img-src"].ShouldBe(["'self'", "data:", "blob:"]);
        directives["frame-src"].ShouldBe(["blob:"]);
        directives.Where(d => d.Key is not ("img-src" or "frame-src")).SelectMany(d => d.Value)
            .ShouldAllBe(source => source == "'self'" || source == "'none'");
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_the_policy_would_block()
    {
        var html = await Host.GetAsText("/console");

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("style=");
        html.ShouldNotContain("<style");
        Regex.IsMatch(html, @"\son[a-z]+\s*=").ShouldBeFalse("no inline event handlers (onclick=…)");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
    }

    [Fact]
    public async Task A_matching_etag_is_answered_304_with_the_same_headers()
    {
        var first = await Host.Scenario(s => s.Get.Url("/console/console.js"));
        var etag = first.Context.Response.Headers.ETag.ToString();
        etag.ShouldStartWith("\"");

        var second = await Host.Scenario(s =>
        {
            s.Get.Url("/console/console.js");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(304);
        });

        second.Context.Response.Headers.XFrameOptions.ToString().ShouldBe("DENY");
        second.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe(ConsoleExtensions.ContentSecurityPolicy);
        (await second.ReadAsTextAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_console_files_are_404()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/console/secrets.json");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task The_data_the_page_shows_still_needs_the_staff_key()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/drivers");
            s.StatusCodeShouldBe(401);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/drivers");
            s.WithRequestHeader("X-Api-Key", AppFixture.TypebotKey);
            s.StatusCodeShouldBe(403);
        });
    }
}
