using System.Text.Json;
using System.Text.RegularExpressions;

namespace Onboarding.Bridge.Tests.Fakes;

/// <summary>Reads an upstream OpenAPI fixture: which (method, path) exist and which body properties they declare.</summary>
public sealed partial class OpenApiDocument
{
    private readonly JsonElement _root;

    private OpenApiDocument(JsonElement root) => _root = root;

    public static OpenApiDocument Load(params string[] path) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "fixtures", .. path]))).RootElement);

    public static JsonElement Fixture(params string[] path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "fixtures", .. path]))).RootElement;

    /// <summary>Path parameter names differ between documents and fakes; compare shapes only.</summary>
    public static string Normalise(string path) => Parameter().Replace(path.TrimEnd('/'), "{}");

    public JsonElement? Operation(string method, string path)
    {
        foreach (var p in _root.GetProperty("paths").EnumerateObject())
        {
            if (Normalise(p.Name) == Normalise(path) && p.Value.TryGetProperty(method.ToLowerInvariant(), out var op))
            {
                return op;
            }
        }

        return null;
    }

    /// <summary>The JSON body schema's properties (name → declared type), following one $ref.</summary>
    public IReadOnlyDictionary<string, string> BodyProperties(string method, string path)
    {
        var op = Operation(method, path) ?? throw new InvalidOperationException($"{method} {path} is not documented");
        if (!op.TryGetProperty("requestBody", out var body))
        {
            return new Dictionary<string, string>();
        }

        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = _root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema.GetProperty("properties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.TryGetProperty("type", out var t) ? t.GetString()! : "object");
    }

    public static string JsonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
