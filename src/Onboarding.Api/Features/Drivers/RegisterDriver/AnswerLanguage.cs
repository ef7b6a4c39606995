using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// The language of the answer, from <c>Accept-Language</c>: the caller's most preferred language we speak, English
/// for <c>en</c>/<c>en-*</c>; pt-PT for everything else (absent, unknown, unreadable, or only languages we lack).
/// </summary>
public static class AnswerLanguage
{
    public static Language Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromHeader(request.Headers.AcceptLanguage);
    }

    public static Language FromHeader(StringValues acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var ranges))
        {
            return Language.Portuguese;
        }

        // OrderByDescending is stable, so equal weights keep the caller's order; q=0 means "not this one".
        foreach (var range in ranges.Where(r => r.Quality is not <= 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (Is(tag, "en"))
            {
                return Language.English;
            }

            if (Is(tag, "pt") || tag == "*")
            {
                return Language.Portuguese;
            }
        }

        return Language.Portuguese;
    }

    private static bool Is(string tag, string primary) =>
        tag.Equals(primary, StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith(primary + "-", StringComparison.OrdinalIgnoreCase);
}
