using System.Globalization;
using System.Text.Json;

namespace Onboarding.Bridge.Webhooks;

/// <summary>
/// Reads webhook fields in every shape real senders use: ids as numbers, numeric strings or objects with an <c>id</c>,
/// flags as booleans or strings, and the event itself wrapped one level down (a Rails-style <c>{"webhook":{…}}</c> or
/// <c>{"payload":{…}}</c> envelope from a relay). A field of an unexpected shape reads as absent, never as an error.
/// </summary>
public static class WebhookFields
{
    /// <summary>The object that holds <c>"event"</c>: the body itself, or the one object member that does.</summary>
    public static JsonElement Unwrap(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || Str(body, "event") is not null)
        {
            return body;
        }

        foreach (var member in body.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object && Str(member.Value, "event") is not null)
            {
                return member.Value;
            }
        }

        return body;
    }

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary><c>true</c>, <c>"true"</c> or <c>1</c>.</summary>
    public static bool Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => string.Equals(v.GetString(), "true", StringComparison.OrdinalIgnoreCase) || v.GetString() == "1",
            JsonValueKind.Number => v.TryGetInt64(out var n) && n != 0,
            _ => false,
        };

    /// <summary>A member that is an id: <c>77</c>, <c>"77"</c> or <c>{"id":77}</c>.</summary>
    public static long? Id(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Id(v) : null;

    /// <summary>An id value: <c>77</c>, <c>"77"</c> or <c>{"id":77}</c> (one level).</summary>
    public static long? Id(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.TryGetInt64(out var n) ? n : null,
        JsonValueKind.String => long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null,
        JsonValueKind.Object => v.TryGetProperty("id", out var inner) && inner.ValueKind is JsonValueKind.Number or JsonValueKind.String ? Id(inner) : null,
        _ => null,
    };

    /// <summary>An <see cref="Id(JsonElement, string)"/> that fits an <see cref="int"/> (Chatwoot's ids).</summary>
    public static int? Int(JsonElement e, string name) => Id(e, name) is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : null;
}
