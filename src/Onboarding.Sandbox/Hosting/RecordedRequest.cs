using System.Collections.Concurrent;

namespace Onboarding.Sandbox.Hosting;

/// <summary>A request a fake received: its route pattern (as declared), method, content type and raw body.</summary>
public sealed record RecordedRequest(string Method, string RoutePattern, string Path, string? ContentType, string Body)
{
    /// <summary>When it arrived (before it was handled): the gaps between a client's retries are read from it.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>The last requests of a fake (bounded), for contract tests that check what clients send.</summary>
public sealed class RequestLog(int capacity = 5000)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void Clear() => _requests.Clear();

    /// <summary>Records each routed request after it is handled; the body is buffered so handlers can still read it.</summary>
    public void Attach(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var at = DateTimeOffset.UtcNow;
            await next(context);
            var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (pattern is null)
            {
                return;
            }

            var body = "";
            if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
            {
                context.Request.Body.Position = 0;
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                body = await reader.ReadToEndAsync();
            }

            _requests.Enqueue(new RecordedRequest(context.Request.Method, pattern, context.Request.Path, context.Request.ContentType, body) { At = at });
            while (_requests.Count > capacity && _requests.TryDequeue(out _))
            {
            }
        });
    }
}
