using System.Text.Json.Nodes;

namespace Onboarding.Typebot.Variables;

/// <summary>A Typebot variable value: always a string or a list of strings (null means "not set").</summary>
public sealed record VariableValue
{
    private VariableValue(string? text, IReadOnlyList<string?>? items)
    {
        Text = text;
        Items = items;
    }

    public string? Text { get; }

    public IReadOnlyList<string?>? Items { get; }

    public bool IsList => Items is not null;

    /// <summary>Length as JavaScript sees it (characters of a string, items of a list).</summary>
    public int Length => Items?.Count ?? Text!.Length;

    public static VariableValue Of(string text) => new(text, null);

    public static VariableValue OfList(IEnumerable<string?> items) => new(null, items.ToList());

    /// <summary>
    /// Converts a JSON value the way Typebot stores it: strings as they are, lists item by item, anything else
    /// through <c>JSON.stringify</c>.
    /// </summary>
    public static VariableValue? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => OfList(array.Select(ItemText)),
        JsonValue v when v.TryGetValue<string>(out var s) => Of(s),
        _ => Of(JsJson.Stringify(node)),
    };

    /// <summary>Typebot's <c>safeStringify</c>: strings verbatim, lists as a JSON array.</summary>
    public override string ToString() => Text ?? JsJson.Stringify(ToJson());

    public JsonNode ToJson() =>
        Items is null ? JsonValue.Create(Text!) : new JsonArray(Items.Select(i => (JsonNode?)(i is null ? null : JsonValue.Create(i))).ToArray());

    private static string? ItemText(JsonNode? item) => item switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => JsJson.Stringify(item),
    };
}
