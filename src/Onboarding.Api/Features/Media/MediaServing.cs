namespace Onboarding.Api.Features.Media;

/// <summary>
/// Which files <c>/media/{id}</c> serves and how: a driver chooses the Content-Type of what they send, and this route
/// is on the console's origin, so only plain media types are served, never sniffed, and never rendered as a page.
/// </summary>
public static class MediaServing
{
    private static readonly string[] AllowedPrefixes = ["image/", "audio/", "video/"];

    // SVG is an image that runs script: it is not on the list.
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase) { "image/svg+xml" };

    /// <summary>The media type to serve (parameters dropped, lower case), or null when the type is not served.</summary>
    public static string? Allowed(string? contentType)
    {
        var type = (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        if (type.Length == 0 || Refused.Contains(type))
        {
            return null;
        }

        return type == "application/pdf" || AllowedPrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal) && type.Length > p.Length)
            ? type
            : null;
    }

    /// <summary>No sniffing, a sandbox for anything the browser would render, a download for everything but images.</summary>
    public static void SetHeaders(HttpResponse response, string type)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
        response.Headers.ContentDisposition = type.StartsWith("image/", StringComparison.Ordinal) ? "inline" : "attachment";
    }
}
