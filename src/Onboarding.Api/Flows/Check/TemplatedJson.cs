using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Reads a custom HTTP body before any variable has a value. Typebot substitutes <c>{{…}}</c> inside the JSON text,
/// so an unquoted <c>{{Age}}</c> is valid there; here it becomes a string holding the reference, and the keys and
/// constant values can be checked.
/// </summary>
internal static class TemplatedJson
{
    public static JsonObject? ParseObject(string body)
    {
        try
        {
            var json = JsonNode.Parse(QuoteBareReferences(body)) as JsonObject;
            // Members are read lazily; a repeated key only fails here.
            _ = json?.Count;
            return json;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True for a value Typebot fills in at run time, whose JSON type is unknown until then.</summary>
    public static bool IsTemplated(JsonNode? value) => JsonText.Of(value)?.Contains("{{", StringComparison.Ordinal) == true;

    private static string QuoteBareReferences(string body)
    {
        var output = new StringBuilder(body.Length);
        var inString = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (inString)
            {
                output.Append(c);
                if (c == '\\' && i + 1 < body.Length)
                {
                    output.Append(body[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            var end = c == '{' && i + 1 < body.Length && body[i + 1] == '{' ? ReferenceEnd(body, i) : -1;
            if (end > 0)
            {
                output.Append(JsonSerializer.Serialize(body[i..end]));
                i = end - 1;
                continue;
            }

            inString = c == '"';
            output.Append(c);
        }

        return output.ToString();
    }

    /// <summary>The index just past <c>}}</c> (or <c>=}}</c> for inline code), or -1.</summary>
    private static int ReferenceEnd(string body, int start)
    {
        var inline = body.AsSpan(start).StartsWith("{{=");
        var close = inline ? "=}}" : "}}";
        var at = body.IndexOf(close, start + 2, StringComparison.Ordinal);
        return at < 0 ? -1 : at + close.Length;
    }
}
