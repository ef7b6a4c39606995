using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>What one startChat/continueChat call produces, in the chat API's JSON shapes.</summary>
public sealed class ChatTurn
{
    public required TypebotSession Session { get; init; }

    public List<JsonObject> Messages { get; } = [];

    public JsonObject? Input { get; set; }

    public List<JsonObject> ClientSideActions { get; } = [];

    public List<JsonObject> Logs { get; } = [];

    public string? LastMessageNewFormat { get; set; }

    public bool ExpectsDedicatedReply =>
        ClientSideActions.Any(a => a["expectsDedicatedReply"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);

    /// <summary>Typebot's end-of-flow rule: no input and no client-side action waiting for a reply.</summary>
    public bool IsEndOfFlow => Input is null && !ExpectsDedicatedReply;

    public void Log(string status, string description, string? details = null, string? context = null)
    {
        var log = new JsonObject { ["status"] = status, ["description"] = description };
        if (details is not null)
        {
            log["details"] = details;
        }

        if (context is not null)
        {
            log["context"] = context;
        }

        Logs.Add(log);
    }
}
