using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Onboarding.Api.Tests.Infrastructure;

/// <summary>What the host answered, as text.</summary>
public sealed record RawResponse(int Status, string? ContentType, string Body)
{
    /// <summary>The body parsed as JSON (it must be JSON).</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// Sends a request exactly as given (raw path and query, raw bytes, a header given twice sent with two values) through
/// the in-memory host, with the request body size limit Kestrel enforces in production (<see cref="KestrelBodyLimit"/>).
/// </summary>
public static class RawRequest
{
    public static async Task<RawResponse> SendRawAsync(this IAlbaHost host, string method, string path, string query = "", byte[]? body = null,
        IEnumerable<(string Name, string Value)>? headers = null, bool chunked = false)
    {
        var limit = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        var result = await host.Scenario(s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                c.Request.Path = PathString.FromUriComponent(path);
                c.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
                foreach (var header in (headers ?? []).GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
                {
                    c.Request.Headers[header.Key] = new StringValues(header.Select(h => h.Value).ToArray());
                }

                if (body is not null)
                {
                    KestrelBodyLimit.Install(c, body, limit, chunked);
                }
            });
            s.IgnoreStatusCode();
        });
        return new RawResponse(result.Context.Response.StatusCode, result.Context.Response.ContentType, await result.ReadAsTextAsync());
    }
}
