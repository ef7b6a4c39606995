using System.Net;

namespace Onboarding.Bridge.Clients.Resilience;

/// <summary>
/// An upstream call that did not succeed. <see cref="IsTransient"/> tells a caller whether trying later may work;
/// the message never contains tokens, keys or phone numbers.
/// </summary>
public sealed class UpstreamException(
    string api, string message, HttpStatusCode? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Api { get; } = api;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    public bool IsTransient { get; } = isTransient;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
