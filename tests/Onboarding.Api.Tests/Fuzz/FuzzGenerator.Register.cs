using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Api.Tests.Features.Drivers;

namespace Onboarding.Api.Tests.Fuzz;

public sealed partial class FuzzGenerator
{
    private const string RegisterRoute = "POST /register_driver_typebot";
    private const string RegisterPath = "/register_driver_typebot";

    /// <summary>Free-text members stored as sent (after trimming): the ones most likely to reach the database raw.</summary>
    private static readonly string[] FreeText = ["full_name", "municipality", "availability", "privacy_notice_version", "typebot_result_id", "wa_chat_id"];

    /// <summary>A complete valid registration with a phone and NIF of its own; <c>typebot_result_id</c> carries the marker.</summary>
    private List<(string Name, string Json)> Registration(string marker)
    {
        var n = NextNumber();
        var phone = "+35191" + (n % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            ("phone", FuzzValues.Json(phone)), ("full_name", "\"Maria da Silva Santos\""), ("nif", FuzzValues.Json(DriverScenarios.ValidNif(n))),
            ("email", "\"maria.santos@example.pt\""), ("birth_date", "\"14/03/1994\""), ("district", "\"Lisboa\""),
            ("municipality", "\"Amadora\""), ("postal_code", "\"2700-123\""), ("vehicle_type", "\"Carro\""),
            ("licence_plate", "\"AA-00-AA\""), ("driving_licence_number", "\"L-1234567 8\""), ("licence_categories", "\"B\""),
            ("iban", "\"PT50 0002 0123 1234 5678 9015 4\""), ("availability", "\"Dias úteis, manhãs\""),
            ("privacy_notice_version", "\"2026-11\""), ("privacy_accepted", "\"sim\""), ("typebot_result_id", FuzzValues.Json(marker)),
            ("chatwoot_conversation_id", "\"42\""), ("wa_chat_id", FuzzValues.Json(phone[1..] + "@c.us")),
        ];
    }

    private void Register(string @case, byte[]? body, (string, string)[]? headers = null, string? marker = null, string path = RegisterPath, string method = "POST", bool chunked = false) =>
        Add(new FuzzRequest
        {
            Route = RegisterRoute,
            Method = method,
            Path = path,
            Headers = headers ?? Json(TypebotKey),
            Body = body,
            Case = @case,
            Shape = ErrorShape.Flat,
            Marker = marker,
            Chunked = chunked,
        });

    private void RegisterMembers(string @case, Func<List<(string Name, string Json)>, List<(string Name, string Json)>> change)
    {
        var marker = NextMarker();
        Register(@case, Object(change(Registration(marker))), marker: marker);
    }

    private void RegisterDriver()
    {
        for (var i = 0; i < 10; i++)
        {
            RegisterMembers("valid", m => m);
        }

        // Idempotency: a replay, a reused key with another body, keys too long, empty, twice, odd.
        var first = Registration(NextMarker());
        var idempotencyKey = NextMarker();
        var sameKey = Json(TypebotKey).Append(("Idempotency-Key", idempotencyKey)).ToArray();
        Register("idempotent first", Object(first), sameKey);
        Register("idempotent replay", Object(first), sameKey);
        Register("idempotency key reused with another body", Object(Registration(NextMarker())), sameKey);
        foreach (var (name, key) in new[] { ("empty", ""), ("201 characters", new string('k', 201)), ("10,000 characters", new string('k', 10_000)), ("unicode", "chave-🔑-ção"), ("SQL", "' OR 1=1 --") })
        {
            var marker = NextMarker();
            Register($"Idempotency-Key {name}", Object(Registration(marker)), [.. Json(TypebotKey), ("Idempotency-Key", key)], marker);
        }

        Register("Idempotency-Key twice", Object(Registration(NextMarker())), [.. Json(TypebotKey), ("Idempotency-Key", NextMarker()), ("Idempotency-Key", NextMarker())]);

        // Every way to present a key; the unauthorised ones carry an Idempotency-Key too, which must not be stored.
        foreach (var (name, headers, _) in KeyVariants(TypebotKey, StaffKey))
        {
            var marker = NextMarker();
            Register($"auth: {name}", Object(Registration(marker)),
                [.. headers, ("Content-Type", "application/json"), ("Idempotency-Key", NextMarker())], marker);
        }

        foreach (var (name, type) in ContentTypes)
        {
            var marker = NextMarker();
            (string, string)[] headers = type is null ? [("X-Api-Key", TypebotKey)] : [("X-Api-Key", TypebotKey), ("Content-Type", type)];
            Register($"content type: {name}", Object(Registration(marker)), headers, marker);
        }

        foreach (var (name, body) in FuzzValues.Malformed(Object(Registration(NextMarker()))))
        {
            Register($"malformed: {name}", body);
        }

        var pair = Registration(NextMarker());
        var dup = NextMarker();
        Register("duplicate members, the last one hostile", Object([.. Registration(dup), .. With(pair, "phone", "{}")]), marker: dup);

        foreach (var field in RegisterDriverRequest.FieldNames)
        {
            foreach (var (name, json) in FuzzValues.WrongTypes)
            {
                RegisterMembers($"{field} = {name}", m => With(m, field, json));
            }

            RegisterMembers($"{field} nested 10,000 deep", m => With(m, field, new string('[', 10_000) + new string(']', 10_000)));
            RegisterMembers($"{field} = 1 MB string", m => With(m, field, FuzzValues.Json(new string('x', 1024 * 1024))));
            RegisterMembers($"{field} = 60 KB string", m => With(m, field, FuzzValues.Json(new string('9', 60 * 1024))));
            RegisterMembers($"{field} missing", m => m.Where(x => x.Name != field).ToList());
            RegisterMembers($"{field} twice", m => [.. m, (field, "\"outra coisa\"")]);
            RegisterMembers($"{field} in upper case with spaces", m => m.Select(x => x.Name == field ? ($" {field.ToUpperInvariant()} ", x.Json) : x).ToList());
        }

        // Hostile text in the members stored as typed, and in two others picked at random.
        foreach (var (name, json) in FuzzValues.Strings())
        {
            foreach (var field in FreeText.Append(Pick(RegisterDriverRequest.FieldNames)).Append(Pick(RegisterDriverRequest.FieldNames)))
            {
                RegisterMembers($"{field} = {name}", m => With(m, field, json));
            }
        }

        foreach (var (name, json) in FuzzValues.EscapedText)
        {
            var marker = NextMarker();
            Register($"member name with {name}", [.. Utf8("{" + json + ":\"x\","), .. Object(Registration(marker))[1..]], marker: marker);
        }

        RegisterMembers("100,000-element licence_categories", m => With(m, "licence_categories", "[" + string.Join(",", Enumerable.Repeat("\"B\"", 100_000)) + "]"));
        RegisterMembers("10,000-element licence_categories", m => With(m, "licence_categories", "[" + string.Join(",", Enumerable.Repeat("\"B\"", 10_000)) + "]"));
        RegisterMembers("100,000 unknown members", m => [.. m, .. Enumerable.Range(0, 100_000).Select(i => ($"k{i}", "1"))]);
        RegisterMembers("unknown member holding an object", m => [.. m, ("extra", """{"deep":{"er":[1,2,{"x":null}]}}""")]);

        var atLimit = Registration(NextMarker());
        Register("body exactly at the 64 KiB limit", PadTo(Object(atLimit), LenientJsonBody.MaxBytes), marker: atLimit.Single(m => m.Name == "typebot_result_id").Json.Trim('"'));
        var overLimit = NextMarker();
        Register("body one byte over the 64 KiB limit", PadTo(Object(Registration(overLimit)), LenientJsonBody.MaxBytes + 1), marker: overLimit);
        var chunkedOver = NextMarker();
        Register("body one byte over the 64 KiB limit, chunked", PadTo(Object(Registration(chunkedOver)), LenientJsonBody.MaxBytes + 1), marker: chunkedOver, chunked: true);
        var chunkedHuge = NextMarker();
        Register("1.5 MB body, chunked (over the host's default limit)", PadTo(Object(Registration(chunkedHuge)), 1_500_000), marker: chunkedHuge, chunked: true);

        // Random damage to a valid body: bytes flipped, dropped, repeated; members swapped for hostile values.
        for (var i = 0; i < 150; i++)
        {
            Register("random byte damage", Damage(Object(Registration(NextMarker()))));
        }

        var hostile = FuzzValues.WrongTypes.Concat(FuzzValues.Strings()).ToList();
        for (var i = 0; i < 100; i++)
        {
            var marker = NextMarker();
            var members = Registration(marker);
            for (var k = _random.Next(1, 4); k > 0; k--)
            {
                var (name, json) = Pick(hostile);
                var field = Pick(RegisterDriverRequest.FieldNames);
                members = With(members, field, json);
            }

            Register("random hostile members", Object(members), marker: marker);
        }

        foreach (var method in new[] { "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD" })
        {
            var marker = NextMarker();
            Register($"method {method}", Object(Registration(marker)), marker: marker, method: method);
        }

        foreach (var path in new[] { "/register_driver_typebot/", "/REGISTER_DRIVER_TYPEBOT", "/register_driver_typebot/..%2f..%2fapi%2fdrivers", "/register_driver_typebot;x=1", "/register_driver_typebot%2f" })
        {
            var marker = NextMarker();
            Register($"path {path}", Object(Registration(marker)), path: path);
        }
    }

    /// <summary>A few random byte-level edits: flips, deletions, duplications, insertions of bytes that matter to JSON.</summary>
    private byte[] Damage(byte[] body)
    {
        var bytes = body.ToList();
        byte[] interesting = [(byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)',', (byte)':', 0x00, 0xFF, 0xC3, 0x80, (byte)'\n'];
        for (var edits = _random.Next(1, 5); edits > 0 && bytes.Count > 1; edits--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(_random.Next(1, 8), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.Skip(at).Take(_random.Next(1, 16)).ToList());
                    break;
                default:
                    bytes.Insert(at, interesting[_random.Next(interesting.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
