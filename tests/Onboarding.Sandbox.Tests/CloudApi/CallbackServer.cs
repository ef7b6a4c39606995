using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Tests.CloudApi;

/// <summary>
/// The app's webhook callback in these tests: it keeps every POST's raw body and signature, answers with the
/// statuses queued in <see cref="Answers"/> (then 200), answers the verification GET like a bridge would, and serves
/// <c>/files/{name}</c> for media sent by link.
/// </summary>
public sealed class CallbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Body, string? Signature)> _posts = new();
    private LoopbackApp _app = null!;

    public ConcurrentQueue<int> Answers { get; } = new();

    public Dictionary<string, byte[]> Files { get; } = [];

    public string VerifyToken { get; set; } = "verify-me";

    public Uri Url => new(_app.BaseUrl, "webhooks/cloudapi");

    public Uri FileUrl(string name) => new(_app.BaseUrl, "files/" + name);

    public IReadOnlyList<(string Body, string? Signature)> Posts => _posts.ToArray();

    /// <summary>The <c>value</c> objects of every POST received, in order.</summary>
    public IReadOnlyList<JsonObject> Values => Posts.Select(p => (JsonObject)JsonNode.Parse(p.Body)!["entry"]![0]!["changes"]![0]!["value"]!).ToList();

    public IReadOnlyList<JsonObject> Statuses(string wamid) =>
        Values.SelectMany(v => v["statuses"]?.AsArray() ?? []).OfType<JsonObject>().Where(s => (string?)s["id"] == wamid).ToList();

    public static async Task<CallbackServer> StartAsync()
    {
        var server = new CallbackServer();
        server._app = await LoopbackApp.StartAsync(0, server.Map);
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/webhooks/cloudapi", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            _posts.Enqueue((await reader.ReadToEndAsync(), ctx.Request.Headers["X-Hub-Signature-256"].ToString()));
            ctx.Response.StatusCode = Answers.TryDequeue(out var status) ? status : 200;
        });
        app.MapGet("/webhooks/cloudapi", ctx =>
        {
            var ok = ctx.Request.Query["hub.mode"] == "subscribe" && ctx.Request.Query["hub.verify_token"] == VerifyToken;
            ctx.Response.StatusCode = ok ? 200 : 403;
            return ok ? ctx.Response.WriteAsync(ctx.Request.Query["hub.challenge"].ToString()) : Task.CompletedTask;
        });
        app.MapGet("/files/{name}", ctx => Files.TryGetValue((string)ctx.Request.RouteValues["name"]!, out var file)
            ? ctx.Response.Body.WriteAsync(file).AsTask()
            : Task.FromResult(ctx.Response.StatusCode = 404));
    }
}
