using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>A request a stub received.</summary>
public sealed record StubRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A Kestrel app on 127.0.0.1 that answers with a handler and records what it received.</summary>
public sealed class LoopbackStub : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private LoopbackStub(LoopbackApp app, ConcurrentQueue<StubRequest> received)
    {
        _app = app;
        Received = received;
    }

    public ConcurrentQueue<StubRequest> Received { get; }

    /// <summary>Base URL without the trailing slash, as flows concatenate paths to it.</summary>
    public string BaseUrl => _app.BaseUrl.ToString().TrimEnd('/');

    public static async Task<LoopbackStub> StartAsync(Func<StubRequest, (int Status, string Body)> handler)
    {
        var received = new ConcurrentQueue<StubRequest>();
        var app = await LoopbackApp.StartAsync(0, web => web.Map("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new StubRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                await reader.ReadToEndAsync());
            received.Enqueue(request);
            var (status, body) = handler(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body);
        }));
        return new LoopbackStub(app, received);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
