using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Onboarding.Api;

/// <summary>
/// The staff console: one static page (HTML, JS, CSS embedded in this assembly) over the driver records API. The
/// page holds no data and needs no auth; every API call it makes sends the staff key.
/// </summary>
public static class ConsoleExtensions
{
    public const string BasePath = "/console";

    /// <summary>
    /// Only same-origin scripts, styles, images and fetches; no inline code, no framing, no plugins. Images may also be
    /// <c>data:</c> URIs: the bridge page shows the WhatsApp QR code as the data-URI image WPPConnect gives. Images and
    /// frames may be <c>blob:</c> URLs: the documents card shows files it fetched with the API key (docs/0033).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src blob:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        // Routing ignores a trailing slash: this serves both /console and /console/.
        ("", "index.html", "text/html; charset=utf-8"),
        ("/console.js", "console.js", "text/javascript; charset=utf-8"),
        ("/console.css", "console.css", "text/css; charset=utf-8"),
        ("/whatsapp.js", "whatsapp.js", "text/javascript; charset=utf-8"),
        ("/whatsapp-choices.js", "whatsapp-choices.js", "text/javascript; charset=utf-8"),
        ("/sandbox.js", "sandbox.js", "text/javascript; charset=utf-8"),
        ("/sandbox-flow.js", "sandbox-flow.js", "text/javascript; charset=utf-8"),
        ("/sandbox.css", "sandbox.css", "text/css; charset=utf-8"),
        ("/bridge.js", "bridge.js", "text/javascript; charset=utf-8"),
        ("/bridge.css", "bridge.css", "text/css; charset=utf-8"),
        ("/governor.js", "governor.js", "text/javascript; charset=utf-8"),
        ("/funnel.js", "funnel.js", "text/javascript; charset=utf-8"),
        ("/funnel.css", "funnel.css", "text/css; charset=utf-8"),
        ("/documents.js", "documents.js", "text/javascript; charset=utf-8"),
        ("/documents.css", "documents.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Serves the console at <c>/console</c> with its security headers.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).AllowAnonymous().ExcludeFromDescription();
        foreach (var (path, resource, contentType) in Files)
        {
            var asset = ConsoleAsset.Load(resource, contentType);
            group.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], asset.WriteAsync);
        }

        return app;
    }

    /// <summary>Headers every console response carries, including 304s.</summary>
    internal static void AddSecurityHeaders(IHeaderDictionary headers)
    {
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private sealed class ConsoleAsset(byte[] content, string contentType, string etag)
    {
        public static ConsoleAsset Load(string name, string contentType)
        {
            var assembly = typeof(ConsoleExtensions).Assembly;
            using var stream = assembly.GetManifestResourceStream("Onboarding.Api.Console." + name)
                ?? throw new InvalidOperationException($"The console file {name} is not embedded in {assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            return new ConsoleAsset(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        }

        public async Task WriteAsync(HttpContext context)
        {
            var response = context.Response;
            AddSecurityHeaders(response.Headers);
            response.Headers.CacheControl = "no-cache";
            response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.ContentType = contentType;
            response.ContentLength = content.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.Body.WriteAsync(content, context.RequestAborted);
            }
        }
    }
}
