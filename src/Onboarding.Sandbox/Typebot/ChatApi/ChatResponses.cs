using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Sandbox.Typebot.Engine.Http;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>The JSON bodies of Typebot's public chat API.</summary>
public static class ChatResponses
{
    public static JsonObject Start(ChatTurn turn, TypebotFlow flow, string publishedAt, bool markdown)
    {
        var body = new JsonObject { ["sessionId"] = turn.Session.Id };
        if (!turn.Session.IsEnded)
        {
            // Typebot has no result id to return when the flow already ended inside startChat.
            body["resultId"] = turn.Session.ResultId;
        }

        body["typebot"] = new JsonObject
        {
            ["id"] = flow.Id,
            ["version"] = flow.Version,
            ["theme"] = flow.Theme.DeepClone(),
            ["settings"] = flow.Settings.DeepClone(),
            ["publishedAt"] = publishedAt,
        };
        AddTurn(body, turn, markdown);
        return body;
    }

    public static JsonObject Continue(ChatTurn turn, bool markdown)
    {
        var body = new JsonObject();
        AddTurn(body, turn, markdown);
        return body;
    }

    /// <summary>oRPC error body, e.g. <c>{"defined":false,"code":"NOT_FOUND","status":404,"message":"Session not found."}</c>.</summary>
    public static JsonObject Error(string code, int status, string message) => new()
    {
        ["defined"] = false,
        ["code"] = code,
        ["status"] = status,
        ["message"] = message,
    };

    private static void AddTurn(JsonObject body, ChatTurn turn, bool markdown)
    {
        body["messages"] = new JsonArray(turn.Messages.Select(m => (JsonNode)(markdown ? ToMarkdown(m) : m.DeepClone())).ToArray());
        if (turn.Input is not null)
        {
            body["input"] = turn.Input.DeepClone();
        }

        if (turn.ClientSideActions.Count > 0)
        {
            body["clientSideActions"] = new JsonArray(turn.ClientSideActions.Select(a => (JsonNode)a.DeepClone()).ToArray());
        }

        // Live sessions never return HTTP request logs (Typebot's filterPotentiallySensitiveLogs).
        var logs = turn.Logs.Where(l => l["description"]?.ToString() is not (HttpRequestExecutor.SuccessDescription or HttpRequestExecutor.ErrorDescription)).ToList();
        if (logs.Count > 0)
        {
            body["logs"] = new JsonArray(logs.Select(l => (JsonNode)l.DeepClone()).ToArray());
        }

        if (turn.LastMessageNewFormat is not null)
        {
            body["lastMessageNewFormat"] = turn.LastMessageNewFormat;
        }
    }

    private static JsonObject ToMarkdown(JsonObject message)
    {
        var copy = (JsonObject)message.DeepClone();
        if (copy["content"]?["richText"] is JsonArray richText)
        {
            copy["content"] = new JsonObject { ["type"] = "markdown", ["markdown"] = MarkdownText.FromRichText(richText) };
        }

        return copy;
    }
}
