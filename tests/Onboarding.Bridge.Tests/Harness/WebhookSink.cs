using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bridge.Tests.Harness;

/// <summary>A loopback receiver that records every webhook POST (raw body and headers).</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Body, IHeaderDictionary Headers)> _received = new();
    private LoopbackApp? _app;

    public Uri Url => new(_app!.BaseUrl, "hook");

    public int StatusCode { get; set; } = 200;

    public IReadOnlyList<(string Body, IHeaderDictionary Headers)> Received => _received.ToArray();

    public static async Task<WebhookSink> StartAsync()
    {
        var sink = new WebhookSink();
        sink._app = await LoopbackApp.StartAsync(0, app => app.MapPost("/hook", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            sink._received.Enqueue((body, new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value))));
            ctx.Response.StatusCode = sink.StatusCode;
        }));
        return sink;
    }

    /// <summary>Waits (bounded) until a received body satisfies the condition.</summary>
    public async Task<(string Body, IHeaderDictionary Headers)> WaitForAsync(Func<string, bool> match, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            var hit = _received.FirstOrDefault(r => match(r.Body));
            if (hit.Body is not null)
            {
                return hit;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No matching webhook arrived.");
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
