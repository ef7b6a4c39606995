using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Tests.Typebot.Support;

/// <summary>Reads chat API messages as plain text.</summary>
public static class ChatText
{
    /// <summary>Each text message as one string (paragraphs joined by new lines); other messages as their type.</summary>
    public static List<string> Of(JsonObject body) =>
        ((JsonArray)body["messages"]!).OfType<JsonObject>().Select(Message).ToList();

    public static string Message(JsonObject message) =>
        message["content"]?["richText"] is JsonArray richText
            ? string.Join("\n", richText.OfType<JsonObject>().Select(Leaves))
            : message["type"]!.GetValue<string>();

    public static string InputType(JsonObject body) => body["input"]!["type"]!.GetValue<string>();

    private static string Leaves(JsonObject element) =>
        element["text"] is JsonValue text
            ? text.GetValue<string>()
            : string.Concat(((JsonArray?)element["children"] ?? []).OfType<JsonObject>().Select(Leaves));
}
