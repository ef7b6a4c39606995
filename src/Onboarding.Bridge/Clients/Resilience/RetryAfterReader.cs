using System.Net.Http.Headers;

namespace Onboarding.Bridge.Clients.Resilience;

public static class RetryAfterReader
{
    /// <summary>The delay a 429/503 asks for, as seconds or as an HTTP date.</summary>
    public static TimeSpan? Read(HttpResponseHeaders? headers)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
