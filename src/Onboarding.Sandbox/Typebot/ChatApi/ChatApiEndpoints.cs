using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>Routes of Typebot's public chat API.</summary>
public static class ChatApiEndpoints
{
    public static void Map(WebApplication app, TypebotEmulator emulator)
    {
        app.MapPost("/api/v1/typebots/{publicId}/startChat", (string publicId, HttpRequest request, CancellationToken ct) =>
            StartChatAsync(emulator, publicId, request, ct));
        app.MapPost("/api/v1/sessions/{sessionId}/continueChat", (string sessionId, HttpRequest request, CancellationToken ct) =>
            ContinueChatAsync(emulator, sessionId, request, ct));
    }

    private static async Task<IResult> StartChatAsync(TypebotEmulator emulator, string publicId, HttpRequest request, CancellationToken ct)
    {
        if (emulator.FindPublished(publicId) is not { } published)
        {
            return Json(ChatResponses.Error("NOT_FOUND", 404, "Typebot not found"));
        }

        if (await ReadBodyAsync(request, ct) is not { } body)
        {
            return Json(ChatResponses.Error("BAD_REQUEST", 400, "Input validation failed"));
        }

        var prefilled = (body["prefilledVariables"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        var markdown = body["textBubbleContentFormat"]?.ToString() == "markdown";
        ChatTurn turn;
        if (body["isOnlyRegistering"] is JsonValue only && only.TryGetValue<bool>(out var isOnlyRegistering) && isOnlyRegistering)
        {
            // The session exists but the flow starts with the first continueChat.
            turn = new ChatTurn { Session = emulator.Engine.Register(published.Flow, prefilled) };
        }
        else
        {
            turn = await emulator.Engine.StartAsync(published.Flow, prefilled, ChatReply.FromJson(body["message"]), ct);
        }

        emulator.Sessions.Add(turn.Session);
        return Json(ChatResponses.Start(turn, published.Flow, published.PublishedAt, markdown));
    }

    private static async Task<IResult> ContinueChatAsync(TypebotEmulator emulator, string sessionId, HttpRequest request, CancellationToken ct)
    {
        if (emulator.Sessions.FindLive(sessionId) is not { } session)
        {
            return Json(ChatResponses.Error("NOT_FOUND", 404, "Session not found."));
        }

        if (await ReadBodyAsync(request, ct) is not { } body)
        {
            return Json(ChatResponses.Error("BAD_REQUEST", 400, "Input validation failed"));
        }

        ChatTurn turn;
        try
        {
            turn = await emulator.Engine.ContinueAsync(session, ChatReply.FromJson(body["message"]), ct);
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Json(ChatResponses.Error("BAD_REQUEST", 400, "Provided response is not valid JSON"));
        }

        if (turn.IsEndOfFlow)
        {
            emulator.Sessions.Delete(sessionId);
        }

        return Json(ChatResponses.Continue(turn, body["textBubbleContentFormat"]?.ToString() == "markdown"));
    }

    /// <summary>The request body as an object; an empty body counts as <c>{}</c>, anything else that is not an object is null.</summary>
    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Json(JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: body["status"] is JsonValue s && s.TryGetValue<int>(out var code) && body["defined"] is not null ? code : 200);
}
