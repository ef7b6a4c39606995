using System.Globalization;
using System.Text;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>What the generator aims at: rows the database already holds and the routes the host maps.</summary>
public sealed record FuzzTargets
{
    /// <summary>Drivers registered before the run, for the routes that take an id.</summary>
    public required IReadOnlyList<Guid> DriverIds { get; init; }

    /// <summary>Drivers at version 1 for one valid status change each, so hostile reasons reach the database.</summary>
    public required IReadOnlyList<Guid> FreshDriverIds { get; init; }

    /// <summary>A Chatwoot conversation mapped to a WhatsApp chat, so an agent's reply would be enqueued.</summary>
    public required int MappedConversationId { get; init; }

    /// <summary>Whether the host maps <c>POST /api/flows/check</c>; its cases are generated only then.</summary>
    public bool FlowsCheckMapped { get; init; }
}

/// <summary>
/// Builds the whole run from one seed: the same seed gives the same requests in the same order (apart from ids and
/// timestamps that only exist at run time), so a failure can be replayed. Each route has its own part of the class.
/// No path carries <c>%00</c>: Kestrel refuses such a request line itself (400, before the app runs). Queries do.
/// </summary>
public sealed partial class FuzzGenerator(int seed, FuzzTargets targets)
{
    private const string ApiKeyHeader = "X-Api-Key";

    private readonly Random _random = new(seed);
    private readonly List<FuzzRequest> _requests = [];
    private int _serial;
    private int _fresh;

    public IReadOnlyList<FuzzRequest> Generate()
    {
        RegisterDriver();
        ListAndExport("GET /api/drivers", "/api/drivers");
        ListAndExport("GET /api/drivers/export.csv", "/api/drivers/export.csv");
        DriverById();
        ChangeStatus();
        WppConnectWebhook();
        ChatwootWebhook();
        Anonymous();
        FlowsCheck();
        return _requests.Select((r, i) => r with { Index = i }).ToList();
    }

    /// <summary>A value no other request of the run carries, to find what a request stored.</summary>
    private string NextMarker() => string.Create(CultureInfo.InvariantCulture, $"fz{seed}x{++_serial}");

    private int NextNumber() => ++_serial;

    private void Add(FuzzRequest request) => _requests.Add(request);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Encode(string text) => Uri.EscapeDataString(text);

    /// <summary>A JSON object from members already written as JSON, in order (duplicates allowed).</summary>
    private static byte[] Object(IEnumerable<(string Name, string Json)> members) =>
        Utf8("{" + string.Join(",", members.Select(m => FuzzValues.Json(m.Name) + ":" + m.Json)) + "}");

    private static List<(string Name, string Json)> With(List<(string Name, string Json)> members, string name, string json) =>
        members.Select(m => m.Name == name ? (m.Name, json) : m).ToList();

    /// <summary>Exactly <paramref name="size"/> bytes: a valid object followed by spaces (still one valid JSON object).</summary>
    private static byte[] PadTo(byte[] json, int size) => [.. json, .. Enumerable.Repeat((byte)' ', size - json.Length)];

    /// <summary>Every way to present (or not) an API key, with the role's right key last.</summary>
    private static IEnumerable<(string Case, (string, string)[] Headers, bool Authorised)> KeyVariants(string rightKey, string otherRoleKey) =>
    [
        ("no key", [], false),
        ("empty key header", [(ApiKeyHeader, "")], false),
        ("blank key header", [(ApiKeyHeader, "   ")], false),
        ("wrong key", [(ApiKeyHeader, "wrong-key-0123456789abcdef")], false),
        ("key of the other role", [(ApiKeyHeader, otherRoleKey)], false),
        ("key header twice", [(ApiKeyHeader, rightKey), (ApiKeyHeader, rightKey)], false),
        ("wrong then right key", [(ApiKeyHeader, "wrong-key-0123456789abcdef"), (ApiKeyHeader, rightKey)], false),
        ("key in upper case", [(ApiKeyHeader, rightKey.ToUpperInvariant())], false),
        ("key cut short", [(ApiKeyHeader, rightKey[..^1])], false),
        ("key with a suffix", [(ApiKeyHeader, rightKey + "x")], false),
        ("key as a bearer token", [("Authorization", "Bearer " + rightKey)], false),
        ("100 KB key", [(ApiKeyHeader, new string('k', 100_000))], false),
        ("non-ASCII key", [(ApiKeyHeader, "chave-ção-ключ-🔑")], false),
        ("header name in lower case", [("x-api-key", rightKey)], true),
    ];

    private static (string, string)[] Json(string key) => [(ApiKeyHeader, key), ("Content-Type", "application/json")];

    /// <summary>Content types a JSON route must refuse or accept with a clear answer.</summary>
    private static readonly (string Name, string? Value)[] ContentTypes =
    [
        ("no content type", null), ("empty content type", ""), ("text/plain", "text/plain"),
        ("form", "application/x-www-form-urlencoded"), ("multipart", "multipart/form-data; boundary=x"),
        ("XML", "application/xml"), ("octet-stream", "application/octet-stream"), ("JSON in upper case", "APPLICATION/JSON"),
        ("JSON in UTF-16", "application/json; charset=utf-16"), ("JSON with bad charset", "application/json; charset=klingon"),
        ("+json suffix", "application/merge-patch+json"), ("jsonx", "application/jsonx"), ("text/json", "text/json"),
        ("garbage", "////;;;=="), ("any", "*/*"),
    ];

    private const string StaffKey = AppFixture.StaffKey;

    private const string TypebotKey = AppFixture.TypebotKey;

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
