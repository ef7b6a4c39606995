using System.Text;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>Rich text as the chat API's <c>textBubbleContentFormat: "markdown"</c> writes it (bold <c>**x**</c>, links <c>[t](u)</c>).</summary>
public static class MarkdownText
{
    public static string FromRichText(JsonArray richText) =>
        string.Join("\n", richText.OfType<JsonObject>().Select(Element));

    private static string Element(JsonObject element)
    {
        if (element["text"] is JsonValue t && t.TryGetValue<string>(out var text))
        {
            var marked = text;
            if (Flag(element, "italic") && marked.Length > 0)
            {
                marked = $"_{marked}_";
            }

            if (Flag(element, "bold") && marked.Length > 0)
            {
                marked = $"**{marked}**";
            }

            return marked;
        }

        var inner = new StringBuilder();
        foreach (var child in (element["children"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            inner.Append(Element(child));
        }

        return element["type"]?.ToString() == "a" ? $"[{inner}]({element["url"]})" : inner.ToString();
    }

    private static bool Flag(JsonObject element, string name) =>
        element[name] is JsonValue v && v.TryGetValue<bool>(out var on) && on;
}
