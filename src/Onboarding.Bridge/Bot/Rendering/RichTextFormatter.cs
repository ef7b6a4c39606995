using System.Text;
using System.Text.Json;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// Typebot rich text (Slate JSON) as WhatsApp text: one line per paragraph, <c>*bold*</c>, <c>_italic_</c>,
/// <c>~strike~</c>, <c>```code```</c> (underline has no WhatsApp form), links as <c>text (url)</c>, and lists as
/// <c>1. </c> / <c>- </c> lines.
/// </summary>
internal static class RichTextFormatter
{
    private static readonly HashSet<string> BlockTypes =
        ["p", "ol", "ul", "li", "lic", "blockquote", "code_block", "h1", "h2", "h3", "h4", "h5", "h6"];

    // Outermost first. Runs sharing a mark are wrapped once, so "*a _b_*" and never "*a**_b_*".
    private static readonly (Marks Mark, string Marker)[] MarkOrder =
        [(Marks.Bold, "*"), (Marks.Italic, "_"), (Marks.Strike, "~"), (Marks.Code, "```")];

    [Flags]
    private enum Marks
    {
        None = 0,
        Bold = 1,
        Italic = 2,
        Strike = 4,
        Code = 8,
    }

    public static string Format(JsonElement richText) =>
        richText.ValueKind == JsonValueKind.Array ? string.Join('\n', BlockLines(richText.EnumerateArray(), 0)) : "";

    /// <summary>Block children become their own lines; consecutive inline children form one line.</summary>
    private static List<string> BlockLines(IEnumerable<JsonElement> nodes, int depth)
    {
        var lines = new List<string>();
        var inline = new List<JsonElement>();
        foreach (var node in nodes)
        {
            if (!IsBlock(node))
            {
                inline.Add(node);
                continue;
            }

            FlushInline(inline, lines);
            lines.AddRange(node.String("type") switch
            {
                "ol" => ListLines(node, ordered: true, depth),
                "ul" => ListLines(node, ordered: false, depth),
                _ => BlockLines(node.Array("children"), depth) is { Count: > 0 } inner ? inner : [""],
            });
        }

        FlushInline(inline, lines);
        return lines;
    }

    private static void FlushInline(List<JsonElement> inline, List<string> lines)
    {
        if (inline.Count > 0)
        {
            lines.Add(Inline(inline));
            inline.Clear();
        }
    }

    private static List<string> ListLines(JsonElement list, bool ordered, int depth)
    {
        var lines = new List<string>();
        var indent = new string(' ', depth * 3);
        var number = 0;
        foreach (var item in list.Array("children"))
        {
            number++;
            // An li holds an lic (its text) and maybe a nested list, which indents itself one level deeper.
            var itemLines = BlockLines(item.String("type") == "li" ? item.Array("children") : [item], depth + 1);
            lines.Add(indent + (ordered ? $"{number}. " : "- ") + (itemLines.Count > 0 ? itemLines[0] : ""));
            lines.AddRange(itemLines.Skip(1));
        }

        return lines;
    }

    private static bool IsBlock(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object
        && node.String("type") is { } type
        && (BlockTypes.Contains(type) || (type != "a" && node.Array("children").Any(IsBlock)));

    private static string Inline(IEnumerable<JsonElement> nodes)
    {
        var runs = new List<(string Text, Marks Marks)>();
        Collect(nodes, runs);
        return Wrap(runs, 0);
    }

    private static void Collect(IEnumerable<JsonElement> nodes, List<(string Text, Marks Marks)> runs)
    {
        foreach (var node in nodes)
        {
            if (node.String("text") is { } text)
            {
                runs.Add((text, MarksOf(node)));
            }
            else if (node.String("type") == "a")
            {
                runs.Add((Link(node), Marks.None));
            }
            else
            {
                // Inline variables and unknown inline elements: their text.
                Collect(node.Array("children"), runs);
            }
        }
    }

    private static Marks MarksOf(JsonElement leaf) =>
        (leaf.Flag("bold") ? Marks.Bold : Marks.None)
        | (leaf.Flag("italic") ? Marks.Italic : Marks.None)
        | (leaf.Flag("strikethrough") ? Marks.Strike : Marks.None)
        | (leaf.Flag("code") ? Marks.Code : Marks.None);

    private static string Link(JsonElement link)
    {
        var text = Inline(link.Array("children"));
        var url = link.String("url")?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return text;
        }

        var plain = PlainText(link).Trim();
        var sameAsUrl = plain.Length == 0 || plain == url || "https://" + plain == url || "http://" + plain == url;
        return sameAsUrl ? url : $"{text} ({url})";
    }

    private static string PlainText(JsonElement node) =>
        node.String("text") ?? string.Concat(node.Array("children").Select(PlainText));

    private static string Wrap(List<(string Text, Marks Marks)> runs, int level)
    {
        if (level == MarkOrder.Length)
        {
            return string.Concat(runs.Select(r => r.Text));
        }

        var (mark, marker) = MarkOrder[level];
        var output = new StringBuilder();
        var start = 0;
        while (start < runs.Count)
        {
            var marked = runs[start].Marks.HasFlag(mark);
            var end = start;
            while (end < runs.Count && runs[end].Marks.HasFlag(mark) == marked)
            {
                end++;
            }

            var inner = Wrap(runs[start..end], level + 1);
            output.Append(marked ? Tight(inner, marker) : inner);
            start = end;
        }

        return output.ToString();
    }

    /// <summary>Markers hug the text, each line on its own: WhatsApp renders neither <c>* bold*</c> nor a marker across lines.</summary>
    private static string Tight(string text, string marker) => string.Join('\n', text.Split('\n').Select(line =>
    {
        var core = line.Trim();
        if (core.Length == 0)
        {
            return line;
        }

        var lead = line[..(line.Length - line.TrimStart().Length)];
        var trail = line[line.TrimEnd().Length..];
        return lead + marker + core + marker + trail;
    }));
}
