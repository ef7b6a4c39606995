using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Typebot.Variables;

namespace Onboarding.Sandbox.Typebot.Engine.Http;

/// <summary>Typebot's <c>parseHttpRequestAttributes</c>.</summary>
public static partial class HttpRequestBuilder
{
    [GeneratedRegex("^{{.+}}$")]
    private static partial Regex WholeBodyIsAVariable();

    [GeneratedRegex(@"^basic\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BasicPrefix();

    public static ExecutableHttpRequest? Build(JsonObject webhook, bool isCustomBody, FlowFrame frame, DateTimeOffset now)
    {
        var url = Text(webhook["url"]);
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var variables = frame.Variables;
        var headers = KeyValues(webhook["headers"], variables, concatDuplicates: false);
        for (var i = 0; i < headers.Count; i++)
        {
            var (key, value) = headers[i];
            var credentials = BasicPrefix().Replace(value, "");
            if (key.Equals("authorization", StringComparison.OrdinalIgnoreCase) && BasicPrefix().IsMatch(value) && credentials.Contains(':', StringComparison.Ordinal))
            {
                headers[i] = new(key, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            }
        }

        var query = string.Join("&", KeyValues(webhook["queryParams"], variables, concatDuplicates: true)
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
        var method = Text(webhook["method"]) is { Length: > 0 } m ? m : "POST";
        var body = Text(webhook["body"]);
        var bodyContent = body == "{{state}}" || string.IsNullOrEmpty(body) || !isCustomBody ? DefaultPayload(frame, now) : body;

        JsonNode? parsedBody = null;
        var isJson = false;
        if (method != "GET")
        {
            var text = VariableTemplate.Parse(bodyContent, variables, JavaScriptRunner.Inline, insideJson: !WholeBodyIsAVariable().IsMatch(bodyContent));
            try
            {
                parsedBody = JsonNode.Parse(text);
                isJson = true;
            }
            catch (JsonException)
            {
                parsedBody = JsonValue.Create(text);
            }
        }

        return new ExecutableHttpRequest(
            VariableTemplate.Parse(url + (query.Length > 0 ? "?" + query : ""), variables, JavaScriptRunner.Inline),
            method,
            headers,
            parsedBody,
            isJson);
    }

    /// <summary>
    /// The body Typebot sends when no custom body is set: submission time, every answer (keyed by variable name or
    /// group title) and every variable that has a value.
    /// </summary>
    public static string DefaultPayload(FlowFrame frame, DateTimeOffset now)
    {
        var payload = new JsonObject { ["submittedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
        foreach (var (key, value) in frame.Answers.Where(a => a.Key.Length > 0))
        {
            payload[key] = value;
        }

        foreach (var variable in frame.Variables.Where(v => v.Value is not null))
        {
            // JavaScript's Array.prototype.toString joins list items with commas.
            payload[variable.Name] = variable.Value!.IsList ? string.Join(",", variable.Value.Items!) : variable.Value.Text;
        }

        return JsJson.Stringify(payload);
    }

    private static List<KeyValuePair<string, string>> KeyValues(JsonNode? rows, IReadOnlyList<SessionVariable> variables, bool concatDuplicates)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var row in (rows as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var key = VariableTemplate.Parse(Text(row["key"]), variables, JavaScriptRunner.Inline);
            var value = VariableTemplate.Parse(Text(row["value"]), variables, JavaScriptRunner.Inline);
            if (key.Length == 0 || value.Length == 0)
            {
                continue;
            }

            var existing = result.FindIndex(kv => kv.Key == key);
            if (existing >= 0 && !concatDuplicates)
            {
                result[existing] = new(key, value);
            }
            else
            {
                result.Add(new(key, value));
            }
        }

        return result;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
