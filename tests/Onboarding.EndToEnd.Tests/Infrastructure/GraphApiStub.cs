using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The few Graph API routes the bridge calls, answering with Meta's documented shapes
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages, …/reference/media) and its error
/// body (…/support/error-codes): enough to test the bridge's side until the Sandbox's fake is merged.
/// </summary>
public sealed class GraphApiStub : IAsyncDisposable
{
    public const string PhoneNumberId = "109876543210";
    public const string AccessToken = "e2e-cloud-access-token-0123456789";

    private readonly ConcurrentQueue<JsonObject> _sent = new();
    private readonly ConcurrentQueue<JsonObject> _reads = new();
    private readonly ConcurrentQueue<(int Status, int Code, string Title)> _failures = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string Mime)> _media = new();
    private readonly ConcurrentQueue<string> _fileAuthorizations = new();
    private int _next;
    private LoopbackApp? _app;

    public Uri BaseUrl => _app!.BaseUrl;

    /// <summary>Every message the bridge sent (the request bodies), in order.</summary>
    public IReadOnlyList<JsonObject> Sent => [.. _sent];

    /// <summary>Every read receipt (with or without the typing indicator).</summary>
    public IReadOnlyList<JsonObject> Reads => [.. _reads];

    /// <summary>The Authorization header of each file download.</summary>
    public IReadOnlyList<string> FileAuthorizations => [.. _fileAuthorizations];

    public static async Task<GraphApiStub> StartAsync()
    {
        var stub = new GraphApiStub();
        stub._app = await LoopbackApp.StartAsync(0, stub.Map);
        return stub;
    }

    /// <summary>The next send fails with this Graph API error.</summary>
    public void FailNext(int status, int code, string title) => _failures.Enqueue((status, code, title));

    public void AddMedia(string id, byte[] bytes, string mime) => _media[id] = (bytes, mime);

    public void Reset()
    {
        _sent.Clear();
        _reads.Clear();
        _failures.Clear();
        _fileAuthorizations.Clear();
    }

    public IReadOnlyList<JsonObject> SentTo(string digits) => [.. Sent.Where(m => (string?)m["to"] == digits)];

    private void Map(WebApplication app)
    {
        app.MapPost("/{version}/{phone}/messages", async (HttpContext http, string phone) =>
        {
            if (Refused(http, phone) is { } refusal)
            {
                return refusal;
            }

            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            if (body["status"] is not null)
            {
                _reads.Enqueue(body);
                return Results.Json(new { success = true });
            }

            if (_failures.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, failure.Title);
            }

            var id = $"wamid.E2E{Interlocked.Increment(ref _next)}";
            _sent.Enqueue(body);
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = (string?)body["to"], wa_id = (string?)body["to"] } },
                messages = new[] { new { id, message_status = "accepted" } },
            });
        });
        app.MapPost("/{version}/{phone}/media", async (HttpContext http, string phone) =>
        {
            if (Refused(http, phone) is { } refusal)
            {
                return refusal;
            }

            var form = await http.Request.ReadFormAsync();
            var file = form.Files["file"];
            if (file is null || form["messaging_product"] != "whatsapp")
            {
                return Error(400, 100, "Invalid parameter");
            }

            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            var id = $"media-up-{Interlocked.Increment(ref _next)}";
            _media[id] = (copy.ToArray(), form["type"].ToString());
            return Results.Json(new { id });
        });
        app.MapGet("/files/{id}", (HttpContext http, string id) =>
        {
            _fileAuthorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            return http.Request.Headers.Authorization != "Bearer " + AccessToken ? Error(401, 190, "Invalid OAuth access token")
                : _media.TryGetValue(id, out var m) ? Results.Bytes(m.Bytes, m.Mime) : Results.NotFound();
        });
        app.MapGet("/{version}/{mediaId}", (HttpContext http, string mediaId) =>
            Refused(http, PhoneNumberId) ?? (_media.TryGetValue(mediaId, out var m)
                ? Results.Json(new { messaging_product = "whatsapp", url = new Uri(BaseUrl, "files/" + mediaId).ToString(), mime_type = m.Mime, file_size = m.Bytes.Length, id = mediaId })
                : Error(400, 100, "Unsupported get request")));
    }

    private static IResult? Refused(HttpContext http, string phone) =>
        http.Request.Headers.Authorization != "Bearer " + AccessToken ? Error(401, 190, "Invalid OAuth access token")
        : phone != PhoneNumberId ? Error(400, 100, "Unsupported post request") : null;

    private static IResult Error(int status, int code, string title) => Results.Json(new
    {
        error = new { message = title, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = title }, fbtrace_id = "E2E" },
    }, statusCode: status);

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
