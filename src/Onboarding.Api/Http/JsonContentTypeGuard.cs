using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Onboarding.Api.Errors;

namespace Onboarding.Api.Http;

/// <summary>
/// Answers with problem details the two content-type mistakes a route that binds a JSON body would otherwise answer
/// without a body or with a 500: no Content-Type at all (FastEndpoints sends a bare 415) and a charset no decoder knows
/// (ASP.NET's JSON reader throws).
/// </summary>
public static class JsonContentTypeGuard
{
    public static IApplicationBuilder UseJsonContentTypeGuard(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Clients that always send "Content-Type: application/json": a GET (HEAD, DELETE) without a body is read as
        // one without the header, instead of FastEndpoints parsing the empty body ("does not contain any JSON tokens").
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method))
            && request.ContentLength is null or 0 && !request.Headers.ContainsKey(HeaderNames.TransferEncoding))
        {
            request.Headers.Remove(HeaderNames.ContentType);
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts || accepts.ContentTypes.Contains("*/*"))
        {
            return next(context);
        }

        if (!context.Request.Headers.ContainsKey(HeaderNames.ContentType))
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "body.content_type",
                "The Content-Type header is missing: send application/json.");
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset is { HasValue: true, Length: > 0 } charset && !IsKnown(charset.Value!))
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "body.charset",
                $"The charset \"{charset}\" is not one this API can read: send UTF-8.");
        }

        return next(context);
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
