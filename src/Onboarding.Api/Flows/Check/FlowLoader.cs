using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// The rules every other rule depends on: the text is a JSON object, its schema version is one the flow parser
/// reads, and the parser accepts the rest (a start event).
/// </summary>
public static class FlowLoader
{
    public const string NotJson = "flow-not-json";
    public const string SchemaVersion = "schema-version";
    public const string Format = "flow-format";

    internal static (FlowDocument? Document, FlowFinding? Problem) Load(string json)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, FlowFinding.InFlow(FindingSeverity.Error, NotJson, $"the file is not valid JSON: {e.Message}"));
        }

        if (root is null)
        {
            return (null, FlowFinding.InFlow(FindingSeverity.Error, NotJson, "the file is JSON but not an object; a Typebot export is one JSON object"));
        }

        if (!IsReadableText(json))
        {
            return (null, FlowFinding.InFlow(FindingSeverity.Error, NotJson,
                "the file is not valid JSON text: a string escapes half of a UTF-16 surrogate pair (an emoji cut in two?)"));
        }

        var version = JsonText.Of(root["version"]);
        if (version is null || !IsSupported(version))
        {
            var found = version is null ? "the flow has no version" : $"version \"{version}\" is not supported";
            return (null, FlowFinding.InFlow(FindingSeverity.Error, SchemaVersion, $"{found}; export the flow from Typebot 3.x (schema version 6 or 6.1)"));
        }

        try
        {
            return (new FlowDocument(FlowParser.Parse(json)), null);
        }
        catch (FlowFormatException e)
        {
            return (null, FlowFinding.InFlow(FindingSeverity.Error, Format, e.Message));
        }
    }

    /// <summary>
    /// True when every name and string reads as text. JSON escapes can spell an unpaired UTF-16 surrogate (<c>\ud83d</c>),
    /// which the parser accepts and every later reader of that string throws on.
    /// </summary>
    private static bool IsReadableText(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    _ = reader.GetString();
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Asks the flow parser, the one authority on versions, with the smallest flow it accepts.</summary>
    private static bool IsSupported(string version)
    {
        var probe = new JsonObject { ["version"] = version, ["events"] = new JsonArray(new JsonObject { ["type"] = "start" }) };
        try
        {
            FlowParser.Parse(probe.ToJsonString());
            return true;
        }
        catch (FlowFormatException)
        {
            return false;
        }
    }
}
