using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>
/// The <c>message</c> of startChat/continueChat: a plain string, or <c>{type:"text",text,metadata?:{replyId}}</c>,
/// <c>{type:"audio",url}</c> or <c>{type:"command",command}</c>.
/// </summary>
public sealed record ChatReply(string Type, string Text, string? ReplyId = null, IReadOnlyList<string>? AttachedFileUrls = null)
{
    public static ChatReply FromText(string text) => new("text", text);

    public static ChatReply? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return FromText(s);
            case JsonObject o:
                var type = Str(o["type"]) ?? "text";
                var text = type switch
                {
                    "audio" => Str(o["url"]),
                    "command" => Str(o["command"]),
                    _ => Str(o["text"]),
                } ?? "";
                var files = (o["attachedFileUrls"] as JsonArray)?.Select(f => Str(f)).OfType<string>().ToList();
                return new ChatReply(type, text, Str(o["metadata"]?["replyId"]), files);
            default:
                return null;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
