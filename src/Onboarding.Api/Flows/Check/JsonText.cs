using System.Text.Json.Nodes;

namespace Onboarding.Api.Flows.Check;

/// <summary>Lenient reads of flow JSON: a missing or mistyped member is null or empty, never an exception.</summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
