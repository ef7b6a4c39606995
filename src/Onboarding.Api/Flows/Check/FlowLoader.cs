using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Typebot.Flows;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// The rules every other rule depends on: the text is a JSON object, its schema version is one the Sandbox's parser
/// reads, and the parser accepts the rest (a start event).
/// </summary>
internal static class FlowLoader
{
    public const string NotJson = "flow-not-json";
    public const string SchemaVersion = "schema-version";
    public const string Format = "flow-format";

    public static (FlowDocument? Document, FlowFinding? Problem) Load(string json)
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

    /// <summary>Asks the Sandbox's parser, the one authority on versions, with the smallest flow it accepts.</summary>
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
