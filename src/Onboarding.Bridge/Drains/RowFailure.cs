using System.Net;
using System.Text.Json;
using Npgsql;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Drains;

/// <summary>What a failed row should do next (docs/0017-poison-rows.md).</summary>
public enum FailureKind
{
    /// <summary>May work later: an attempt, with backoff, until the retry budget ends.</summary>
    Transient,

    /// <summary>Cannot change on retry: the row fails at once, keeps its reason, and the chat moves on.</summary>
    Permanent,

    /// <summary>WPPConnect refused the token: renew it and retry after the backoff.</summary>
    Unauthorized,

    /// <summary>Chatwoot no longer has the mapped conversation: recreate it and retry.</summary>
    ConversationGone,

    /// <summary>
    /// Chatwoot's rate limit (its 429, or our budget's): nothing was done, so the row waits for <c>RetryAfter</c> in its
    /// place without spending an attempt or its retry budget (docs/0030).
    /// </summary>
    Throttled,
}

/// <summary>
/// One row's failure, classified the same way by the inbound drain and the outbox: any exception is one of these, so no
/// exception type can make a row loop without an attempt, a <see cref="Reason"/> and a backoff.
/// </summary>
public sealed record RowFailure(FailureKind Kind, string Reason, string Error, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// Failures that are the same on every retry, checked first (innermost exception outwards): one line per kind.
    /// Programming errors are here too: a bug in one row must not hold its chat for the whole retry budget.
    /// </summary>
    private static readonly (Func<Exception, bool> Matches, string Reason)[] Deterministic =
    [
        (e => e is RefusedFetchException, "refused_fetch"),
        (e => e is FormatException or JsonException, "format"),
        (e => e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }, "host_unresolved"),
        (e => e is UriFormatException, "bad_url"),
        (e => e is NullReferenceException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException
            or ArgumentException or NotSupportedException or InvalidOperationException, "unexpected"),
    ];

    /// <summary>True when a thread is shutting down or the database is unreachable: not the row's fault, nothing to record.</summary>
    public static bool IsInfrastructure(Exception e, CancellationToken ct) =>
        (e is OperationCanceledException && ct.IsCancellationRequested) || (e is NpgsqlException and not PostgresException);

    public static RowFailure Classify(Exception e)
    {
        if (e is UpstreamException upstream)
        {
            return FromUpstream(upstream);
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            foreach (var (matches, reason) in Deterministic)
            {
                if (matches(inner))
                {
                    return new RowFailure(FailureKind.Permanent, reason, Describe(e));
                }
            }
        }

        return e switch
        {
            PostgresException => new RowFailure(FailureKind.Permanent, "database", Describe(e)),
            TaskCanceledException or TimeoutException => new RowFailure(FailureKind.Transient, "timeout", Describe(e)),
            HttpRequestException or IOException => new RowFailure(FailureKind.Transient, "network", Describe(e)),
            _ => new RowFailure(FailureKind.Transient, "unknown", Describe(e)),
        };
    }

    private static RowFailure FromUpstream(UpstreamException e)
    {
        var status = e.StatusCode is { } s ? (int)s : 0;
        if (e.StatusCode == HttpStatusCode.Unauthorized && e.Api == "WPPConnect")
        {
            return new RowFailure(FailureKind.Unauthorized, "unauthorized", e.Message, e.RetryAfter);
        }

        if (e.StatusCode == HttpStatusCode.NotFound && e.Api == "Chatwoot" && e.Message.Contains("messages/create", StringComparison.Ordinal))
        {
            return new RowFailure(FailureKind.ConversationGone, "conversation_gone", e.Message);
        }

        if (e.StatusCode == HttpStatusCode.TooManyRequests && e.Api == "Chatwoot")
        {
            return new RowFailure(FailureKind.Throttled, "http_429", e.Message, e.RetryAfter ?? UntilNextMinute(DateTimeOffset.UtcNow));
        }

        // The answer came but could not be read: the same on every retry.
        if (status is >= 200 and < 300)
        {
            return new RowFailure(FailureKind.Permanent, "format", e.Message);
        }

        // 408, 425, 429, 5xx and no answer at all; WPPConnect's 404 means "session not active" (its client says so).
        var retry = e.IsTransient || status is 0 or 408 or 425 or 429 or >= 500;
        return retry
            ? new RowFailure(FailureKind.Transient, status == 0 ? "network" : "http_" + status, e.Message, e.RetryAfter)
            : new RowFailure(FailureKind.Permanent, "http_" + status, e.Message);
    }

    /// <summary>
    /// Without <c>Retry-After</c> (a stock Chatwoot sends none), the wait for Rack::Attack's next window: its windows are
    /// whole minutes of epoch time (<c>Time.now.to_i / period</c>).
    /// </summary>
    public static TimeSpan UntilNextMinute(DateTimeOffset now) =>
        TimeSpan.FromSeconds(60 - (now.ToUnixTimeSeconds() % 60)) + TimeSpan.FromMilliseconds(100);

    // Exception messages may quote what failed (a URL, a value): keep the type and a short message.
    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 300 ? text : text[..300];
    }
}
