using System.Collections.Concurrent;
using System.Globalization;

namespace Onboarding.Sandbox.Chatwoot;

/// <summary>
/// Chatwoot's <c>throttle('req/ip', limit: ENV.fetch('RACK_ATTACK_LIMIT', '3000').to_i, period: 1.minute, &amp;:ip)</c>
/// (chatwoot config/initializers/rack_attack.rb, develop 2025) as rack-attack 6.7 counts it: a fixed window keyed by
/// <c>epoch / period</c> and the client address, the request past the limit answered 429 <c>Retry later\n</c> (the
/// default responder, text/plain), with <c>Retry-After</c> = seconds to the window's end when the header is on.
/// Unlike Chatwoot, loopback is not safelisted: a client on 127.0.0.1 is counted like any other address.
/// </summary>
public sealed class RackAttackThrottle(int? limit, TimeSpan period, bool retryAfterHeader)
{
    private readonly ConcurrentDictionary<(string Address, long Window), int> _counts = new();
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>True when the request may go on; otherwise the 429 is written.</summary>
    public async Task<bool> AdmitAsync(HttpContext ctx)
    {
        if (limit is not { } max)
        {
            return true;
        }

        var periodMs = (long)period.TotalMilliseconds;
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var window = nowMs / periodMs;
        var address = ctx.Connection.RemoteIpAddress?.ToString() ?? "";
        var count = _counts.AddOrUpdate((address, window), 1, (_, n) => n + 1);
        if (count == 1)
        {
            // A new window: the previous ones can go (the cache entries expire with their period upstream).
            foreach (var key in _counts.Keys.Where(k => k.Window < window - 1))
            {
                _counts.TryRemove(key, out _);
            }
        }

        if (count <= max)
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.ContentType = "text/plain";
        if (retryAfterHeader)
        {
            // rack-attack: match_data[:period] - (epoch_time % match_data[:period]), in whole seconds (at least 1 here).
            var left = Math.Max(1, (long)Math.Ceiling(((window + 1) * periodMs - nowMs) / 1000.0));
            ctx.Response.Headers.RetryAfter = left.ToString(CultureInfo.InvariantCulture);
        }

        await ctx.Response.WriteAsync("Retry later\n");
        return false;
    }
}
