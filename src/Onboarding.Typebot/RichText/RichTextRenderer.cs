using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Typebot.Variables;

namespace Onboarding.Typebot.RichText;

/// <summary>
/// Typebot's <c>parseVariablesInRichText</c>: a text leaf holding variables is split into leaves, and a paragraph
/// that is only <c>{{Var}}</c> becomes the paragraphs of the value. Values are read as plain paragraphs (blank
/// lines separate them); markdown emphasis inside variable values is kept as typed.
/// </summary>
public static partial class RichTextRenderer
{
    [GeneratedRegex(@"\{\{=(.+?)=\}\}|\{\{([^{}]+)\}\}|(\$)\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    public static JsonArray Render(JsonArray elements, IReadOnlyList<SessionVariable> variables, InlineScript script)
    {
        var output = new JsonArray();
        foreach (var node in RenderElements(elements, variables, script))
        {
            output.Add(node);
        }

        return output;
    }

    /// <summary>The plain text of rich text, one line per paragraph.</summary>
    public static string PlainText(JsonArray richText)
    {
        var lines = richText.Select(e => e is null ? "" : LeafText(e));
        return string.Join("\n", lines);
    }

    private static string LeafText(JsonNode element)
    {
        if (element["text"] is JsonValue t && t.TryGetValue<string>(out var s))
        {
            return s;
        }

        var builder = new StringBuilder();
        foreach (var child in (element["children"] as JsonArray) ?? [])
        {
            if (child is not null)
            {
                builder.Append(LeafText(child));
            }
        }

        return builder.ToString();
    }

    private static List<JsonNode> RenderElements(JsonArray elements, IReadOnlyList<SessionVariable> variables, InlineScript script)
    {
        var parsed = new List<JsonNode>();
        foreach (var element in elements.OfType<JsonObject>())
        {
            if (element["text"] is JsonValue textValue && textValue.TryGetValue<string>(out var text))
            {
                parsed.AddRange(RenderLeaf(element, text, variables, script));
                continue;
            }

            var children = RenderElements((element["children"] as JsonArray) ?? [], variables, script);
            var onlyChild = (element["children"] as JsonArray) is [JsonObject single] ? single["text"] : null;
            var isStandaloneVariable = onlyChild is JsonValue ov && ov.TryGetValue<string>(out var only)
                && VariableTemplate.IsSingleVariable(only) && FlowText(element["type"]) != "a";
            if (isStandaloneVariable)
            {
                parsed.AddRange(children);
                continue;
            }

            var copy = (JsonObject)element.DeepClone();
            if (FlowText(copy["url"]) is { } url)
            {
                copy["url"] = VariableTemplate.Parse(url, variables, script);
            }

            copy["children"] = new JsonArray(children.ToArray());
            parsed.Add(copy);
        }

        return parsed;
    }

    private static IEnumerable<JsonNode> RenderLeaf(JsonObject leaf, string text, IReadOnlyList<SessionVariable> variables, InlineScript script)
    {
        var matches = Reference().Matches(text);
        if (text.Length == 0 || matches.Count == 0)
        {
            return [leaf.DeepClone()];
        }

        var styled = leaf.Any(p => p.Key is "bold" or "italic" or "underline" && p.Value is JsonValue b && b.TryGetValue<bool>(out var on) && on);
        var result = new List<JsonNode>();
        var last = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var start = match.Index + (match.Groups[3].Success ? 1 : 0);
            var before = text[last..Math.Min(start, text.Length)];
            var after = i == matches.Count - 1 ? text[(match.Index + match.Length)..] : "";
            last = match.Index + match.Length;
            var paragraphs = ValueParagraphs(Evaluate(match, variables, script), leaf);
            if (before.Length == 0 && after.Length == 0 && matches.Count == 1 && !styled)
            {
                result.AddRange(paragraphs);
                continue;
            }

            if (before.Length > 0)
            {
                result.Add(WithText(leaf, before));
            }

            foreach (var paragraph in paragraphs)
            {
                var children = (JsonArray)paragraph["children"]!;
                if (children is [JsonObject only] && FlowText(only["text"]) == "")
                {
                    result.Add(new JsonObject { ["text"] = "\n\n" });
                }
                else
                {
                    result.AddRange(children.Select(c => c!.DeepClone()));
                }
            }

            if (after.Length > 0)
            {
                result.Add(WithText(leaf, after));
            }
        }

        return result;
    }

    private static string Evaluate(Match match, IReadOnlyList<SessionVariable> variables, InlineScript script) =>
        match.Groups[1].Success
            ? VariableTemplate.Parse(match.Value, variables, script)
            : variables.FirstOrDefault(v => v.Name == (match.Groups[2].Success ? match.Groups[2].Value : match.Groups[4].Value))?.Value?.ToString() ?? "";

    private static List<JsonObject> ValueParagraphs(string value, JsonObject leaf)
    {
        if (value.Length == 0)
        {
            return [];
        }

        return BlankLine().Split(value).Select(p =>
        {
            var child = WithText(leaf, p);
            return new JsonObject { ["type"] = "p", ["children"] = new JsonArray(child) };
        }).ToList();
    }

    private static JsonObject WithText(JsonObject leaf, string text)
    {
        var copy = (JsonObject)leaf.DeepClone();
        copy["text"] = text;
        return copy;
    }

    private static string? FlowText(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
