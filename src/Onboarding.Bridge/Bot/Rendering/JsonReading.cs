using System.Globalization;
using System.Text.Json;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>Lenient reads of Typebot's JSON: a missing member, a wrong kind or an undefined element is null.</summary>
internal static class JsonReading
{
    public static JsonElement? Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool Flag(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.True };

    /// <summary>A number, or a string holding one (values set from variables arrive as strings).</summary>
    public static double? Number(this JsonElement element, string name) => element.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static Uri? AbsoluteUrl(this JsonElement element, string name) =>
        Uri.TryCreate(element.String(name)?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
