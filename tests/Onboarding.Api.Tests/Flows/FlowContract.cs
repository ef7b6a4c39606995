using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// What a Typebot export must agree on with POST /register_driver_typebot. <see cref="Check"/> returns one line per
/// problem; an empty list means the flow and the endpoint fit together.
/// </summary>
public static partial class FlowContract
{
    public const string Route = "/register_driver_typebot";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyPlaceholder = "__ONBOARDING_API_KEY__";

    /// <summary>
    /// The response paths a mapping may read: <c>statusCode</c> and <c>data.&lt;member&gt;</c> of the success and
    /// failure bodies, named as the API serialises them (snake_case), from the record types themselves.
    /// </summary>
    public static IReadOnlySet<string> AllowedBodyPaths { get; } = BuildAllowedBodyPaths();

    public static IReadOnlyList<string> Check(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return [$"the flow is not a JSON object: {e.Message}"];
        }

        var problems = new List<string>();
        CheckVersion(root, problems);
        var declared = CheckVariables(root, problems);
        var webhooks = Blocks(root).Where(b => Text(b["type"]) == "Webhook").ToList();
        if (webhooks.Count != 1)
        {
            problems.Add($"expected exactly one HTTP request block (type Webhook), found {webhooks.Count}");
        }

        var registration = webhooks.Where(b => Text(b["options"]?["webhook"]?["url"])?.EndsWith(Route, StringComparison.Ordinal) == true).ToList();
        if (registration.Count != 1)
        {
            problems.Add($"expected exactly one HTTP request block posting to a URL ending in {Route}, found {registration.Count}");
        }

        foreach (var block in registration)
        {
            CheckWebhook(block, declared, problems);
        }

        return problems;
    }

    /// <summary>Every <c>{{name}}</c> in any string of the flow (inline <c>{{={...}=}}</c> JavaScript excluded).</summary>
    public static IEnumerable<string> VariableReferences(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => VariableReferences(p.Value)),
        JsonArray a => a.SelectMany(VariableReferences),
        JsonValue v when v.TryGetValue<string>(out var s) => Placeholder().Matches(s).Select(m => m.Groups["name"].Value.Trim()).Where(n => !n.StartsWith('=')),
        _ => [],
    };

    private static void CheckVersion(JsonObject root, List<string> problems)
    {
        var version = Text(root["version"]);
        if (version is null || !version.StartsWith("6.", StringComparison.Ordinal))
        {
            problems.Add($"flow version is '{version}', expected 6.x (Typebot 3.x export)");
        }
    }

    /// <summary>Names and ids of <c>variables</c>; every <c>{{name}}</c> and every <c>variableId</c> must be one of them.</summary>
    private static HashSet<string> CheckVariables(JsonObject root, List<string> problems)
    {
        var variables = (root["variables"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var names = variables.Select(v => Text(v["name"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ids = variables.Select(v => Text(v["id"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var name in VariableReferences(root).Distinct(StringComparer.Ordinal).Where(n => !names.Contains(n)))
        {
            problems.Add($"variable {{{{{name}}}}} is used but not declared in variables");
        }

        foreach (var id in VariableIds(root).Distinct(StringComparer.Ordinal).Where(i => !ids.Contains(i)))
        {
            problems.Add($"variableId '{id}' is referenced but not declared in variables");
        }

        return names;
    }

    private static void CheckWebhook(JsonObject block, HashSet<string> declared, List<string> problems)
    {
        var webhook = (JsonObject)block["options"]!["webhook"]!;
        var method = Text(webhook["method"]);
        if (method != "POST")
        {
            problems.Add($"the registration request uses method '{method}', expected POST");
        }

        var apiKeys = (webhook["headers"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(h => string.Equals(Text(h["key"]), ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (apiKeys.Count == 0)
        {
            problems.Add($"the registration request has no {ApiKeyHeader} header");
        }

        foreach (var header in apiKeys.Where(h => Text(h["value"]) != ApiKeyPlaceholder))
        {
            problems.Add($"the {ApiKeyHeader} header value is not the placeholder {ApiKeyPlaceholder} (never commit a real key)");
        }

        CheckBody(block, webhook, problems);
        CheckMappings(block, problems);
    }

    private static void CheckBody(JsonObject block, JsonObject webhook, List<string> problems)
    {
        if (block["options"]?["isCustomBody"] is not JsonValue custom || !custom.TryGetValue<bool>(out var isCustom) || !isCustom)
        {
            problems.Add("the registration request does not send a custom body (isCustomBody is not true)");
        }

        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(Text(webhook["body"]) ?? "") as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (body is null)
        {
            problems.Add("the registration request body is not a JSON object");
            return;
        }

        foreach (var key in body.Select(p => p.Key).Where(k => !RegisterDriverRequest.FieldNames.Contains(k)))
        {
            problems.Add($"body key '{key}' is not read by the endpoint (RegisterDriverRequest.FieldNames)");
        }

        foreach (var required in RegisterDriverRequest.RequiredFieldNames.Where(r => !body.ContainsKey(r)))
        {
            problems.Add($"required field '{required}' is missing from the body");
        }
    }

    private static void CheckMappings(JsonObject block, List<string> problems)
    {
        foreach (var mapping in (block["options"]?["responseVariableMapping"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var path = Text(mapping["bodyPath"]);
            if (path is null || !AllowedBodyPaths.Contains(path))
            {
                problems.Add($"responseVariableMapping bodyPath '{path}' is not statusCode or data.<member> of RegisterDriverResponse/FlatError");
            }
        }
    }

    private static HashSet<string> BuildAllowedBodyPaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "statusCode" };
        foreach (var type in new[] { typeof(RegisterDriverResponse), typeof(FlatError) })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                paths.Add("data." + JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }

        return paths;
    }

    private static IEnumerable<JsonObject> Blocks(JsonObject root) =>
        (root["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(g => (g["blocks"] as JsonArray ?? []).OfType<JsonObject>());

    private static IEnumerable<string> VariableIds(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "variableId" && Text(p.Value) is { Length: > 0 } id ? [id] : VariableIds(p.Value)),
        JsonArray a => a.SelectMany(VariableIds),
        _ => [],
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\{\{(?<name>[^{}]+)\}\}")]
    private static partial Regex Placeholder();
}
