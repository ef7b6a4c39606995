using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Onboarding.Typebot.Variables;

/// <summary>
/// Runs the JavaScript of an inline <c>{{= code =}}</c> (a function body, variables bound by id) and gives the text
/// that replaces it, or null when the code does not parse or throws. The Sandbox's emulator has the interpreter; this
/// library runs no code.
/// </summary>
public delegate string? InlineScript(string body, IEnumerable<(string Id, VariableValue? Value)> variables);

/// <summary>Typebot's <c>parseVariables</c>: <c>{{name}}</c>, <c>${{name}}</c> and inline <c>{{= code =}}</c>.</summary>
public static partial class VariableTemplate
{
    [GeneratedRegex(@"\{\{=(.+?)=\}\}")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\{\{([^{}]+)\}\}|(\$)\{\{([^{}]+)\}\}")]
    private static partial Regex VariableReference();

    /// <summary>
    /// Substitutes variables; unknown or unset ones become an empty string. With <paramref name="insideJson"/>,
    /// strings are JSON-escaped without quotes and lists become JSON arrays.
    /// </summary>
    public static string Parse(string? text, IReadOnlyList<SessionVariable> variables, InlineScript script, bool insideJson = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var withInlineCode = InlineCode().Replace(text, m => EvaluateInline(m.Groups[1].Value, variables, script));
        return VariableReference().Replace(withInlineCode, m =>
        {
            var dollar = m.Groups[2].Success ? "$" : "";
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            var value = variables.FirstOrDefault(v => v.Name == name && v.Value is not null)?.Value;
            if (value is null)
            {
                return dollar;
            }

            if (insideJson)
            {
                return dollar + (value.IsList ? JsJson.Stringify(value.ToJson()) : JsJson.Quote(value.Text!)[1..^1]);
            }

            return dollar + value;
        });
    }

    /// <summary>Replaces <c>{{name}}</c> by the variable id, which is how flow JavaScript refers to variables.</summary>
    public static string ParseIds(string text, IReadOnlyList<SessionVariable> variables) =>
        VariableReference().Replace(text, m =>
        {
            var dollar = m.Groups[2].Success ? "$" : "";
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            var variable = variables.FirstOrDefault(v => v.Name == name);
            return variable is null ? dollar : dollar + variable.Id;
        });

    /// <summary>The variables a piece of code mentions, to bind them by id.</summary>
    public static IEnumerable<SessionVariable> Referenced(string text, IReadOnlyList<SessionVariable> variables)
    {
        var names = VariableReference().Matches(text)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value)
            .ToHashSet();
        return variables.Where(v => names.Contains(v.Name));
    }

    public static bool IsSingleVariable(string? text) =>
        text is not null && text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal)
        && text.Split("{{").Length == 2;

    /// <summary>Typebot's <c>deepParseVariables</c>: every string inside a JSON tree, changed in place.</summary>
    public static void DeepParse(JsonNode? node, IReadOnlyList<SessionVariable> variables, InlineScript script)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (ParsedString(o[key], variables, script) is { } parsed)
                    {
                        o[key] = parsed;
                    }
                    else
                    {
                        DeepParse(o[key], variables, script);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (ParsedString(a[i], variables, script) is { } parsed)
                    {
                        a[i] = parsed;
                    }
                    else
                    {
                        DeepParse(a[i], variables, script);
                    }
                }

                break;
        }
    }

    private static string? ParsedString(JsonNode? node, IReadOnlyList<SessionVariable> variables, InlineScript script) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("{{", StringComparison.Ordinal)
            ? Parse(s, variables, script)
            : null;

    private static string EvaluateInline(string code, IReadOnlyList<SessionVariable> variables, InlineScript script)
    {
        var body = ParseIds(code, variables);
        body = body.Contains("return ", StringComparison.Ordinal) ? body : "return " + body;
        return script(body, variables.Select(v => (v.Id, v.Value))) ?? Parse(code, variables, script);
    }
}
