using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Typebot.Engine.Http;

/// <summary>An HTTP request block with its variables substituted, ready to send.</summary>
public sealed record ExecutableHttpRequest(
    string Url,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    JsonNode? Body,
    bool IsJson)
{
    public JsonObject ToJson() => new()
    {
        ["url"] = Url,
        ["method"] = Method,
        ["headers"] = new JsonObject(Headers.Select(h => new KeyValuePair<string, JsonNode?>(h.Key, h.Value))),
        ["body"] = Body?.DeepClone(),
    };
}
