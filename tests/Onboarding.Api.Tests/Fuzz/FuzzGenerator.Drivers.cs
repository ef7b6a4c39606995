using System.Buffers.Text;
using System.Text;
using Onboarding.Api.Features.Drivers.ListDrivers;

namespace Onboarding.Api.Tests.Fuzz;

public sealed partial class FuzzGenerator
{
    private void Staff(string route, string method, string path, string query = "", byte[]? body = null, string @case = "",
        (string, string)[]? headers = null, IReadOnlyList<int>? emptyAllowed = null, bool chunked = false) =>
        Add(new FuzzRequest
        {
            Route = route,
            Method = method,
            Path = path,
            Query = query,
            Headers = headers ?? (body is null ? [(ApiKeyHeader, StaffKey)] : Json(StaffKey)),
            Body = body,
            Case = @case,
            EmptyAllowed = emptyAllowed ?? [],
            Chunked = chunked,
        });

    /// <summary>Query values for each filter of the list (and the CSV export, which takes the same filters).</summary>
    private IEnumerable<(string Name, string Query)> ListQueries()
    {
        string[] text = [.. FuzzValues.NastyText.Select(t => t.Text), "", " ", "\0", "%", new string('q', 101), new string('q', 100_000)];
        foreach (var status in new[] { "submitted", "approved", "erased", "APPROVED", "approved,rejected", "approved%00", "-1" }.Concat(text))
        {
            yield return ($"status {Short(status)}", "?status=" + Encode(status));
        }

        foreach (var district in new[] { "PT-11", "Lisboa", "lisboa", "E\u0301vora", "PT-99", "PT-", "99" }.Concat(text))
        {
            yield return ($"district {Short(district)}", "?district=" + Encode(district));
        }

        foreach (var vehicle in new[] { "car", "Carro", "mota", "spaceship" }.Concat(text))
        {
            yield return ($"vehicle_type {Short(vehicle)}", "?vehicle_type=" + Encode(vehicle));
        }

        string[] dates = ["2026-01-01", "2026-01-01T10:00:00Z", "2026-13-45", "0001-01-01", "9999-12-31T23:59:59.9999999", "0000-00-00", "-1",
            "1e10", "2026-01-01T00:00:00+25:00", "now", "", "2026-02-30", "1700000000", FuzzValues.TenToThe400, "2026-01-01%00", "２０２６-01-01"];
        foreach (var date in dates)
        {
            yield return ($"created_from {Short(date)}", "?created_from=" + Encode(date));
            yield return ($"created_to {Short(date)}", "?created_to=" + Encode(date));
        }

        yield return ("created range reversed", "?created_from=2026-02-01&created_to=2026-01-01");
        yield return ("created range empty", "?created_from=2026-01-01&created_to=2026-01-01");
        foreach (var q in text.Concat(["123456789", "' OR 1=1 --", "%25", "\\"]))
        {
            yield return ($"q {Short(q)}", "?q=" + Encode(q));
        }

        foreach (var limit in new[] { "-1", "0", "1", "500", "501", "2147483647", "2147483648", "-2147483649", "abc", "1.5", "1e3", "", " 5", "0x10", FuzzValues.TenToThe400, "５" })
        {
            yield return ($"limit {Short(limit)}", "?limit=" + Encode(limit));
        }

        yield return ("limit twice", "?limit=1&limit=2");
        yield return ("status twice", "?status=submitted&status=approved");
        foreach (var (name, cursor) in Cursors())
        {
            yield return ($"cursor {name}", "?cursor=" + Encode(cursor));
        }

        yield return ("names without values", "?status&district&limit&cursor");
        yield return ("only separators", "?&&&==&");
        yield return ("array-style names", "?status[]=approved&limit[0]=5");
        yield return ("invalid percent escapes", "?q=%zz%&status=%");
        yield return ("Latin-1 byte", "?q=%E9");
        yield return ("encoded surrogate", "?q=%ED%A0%80");
        yield return ("encoded NUL name", "?%00=1");
        yield return ("100 KB of parameters", "?" + string.Join("&", Enumerable.Range(0, 10_000).Select(i => $"p{i}=1")));
        yield return ("unknown parameter", "?drop=table");
    }

    /// <summary>Cursors a client could forge: not base64, base64 of the wrong thing, positions out of range.</summary>
    private IEnumerable<(string Name, string Cursor)> Cursors()
    {
        static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
        var guid = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray());
        yield return ("real shape, unknown row", DriverCursor.Encode(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), guid));
        yield return ("year 1", DriverCursor.Encode(new DateTime(1, 1, 1, 0, 0, 1, DateTimeKind.Utc), guid));
        yield return ("year 9999", B64($"3155378975999999998:{guid:N}"));
        yield return ("ticks overflow", B64($"99999999999999999999:{guid:N}"));
        yield return ("negative ticks", B64($"-5:{guid:N}"));
        yield return ("ticks with sign", B64($"+5:{guid:N}"));
        yield return ("id not a guid", B64("638000000000000000:not-a-guid"));
        yield return ("three parts", B64($"1:2:{guid:N}"));
        yield return ("no separator", B64("638000000000000000"));
        yield return ("binary", Base64Url.EncodeToString(Enumerable.Range(0, 48).Select(_ => (byte)_random.Next(256)).ToArray()));
        yield return ("not base64", "!!!***");
        yield return ("standard base64 with padding", Convert.ToBase64String(Encoding.UTF8.GetBytes($"638000000000000000:{guid:N}")));
        yield return ("101 characters", new string('A', 101));
        yield return ("100 characters", new string('A', 100));
        yield return ("one character", "A");
        yield return ("NUL", "\0");
        yield return ("non-ASCII", "çãø🔑");
        yield return ("SQL", "' OR 1=1 --");
    }

    private static string Short(string value) =>
        value.Length > 24 ? $"{value[..12]}…({value.Length} chars)" : value.Replace("\0", "\\0", StringComparison.Ordinal);

    private void ListAndExport(string route, string path)
    {
        foreach (var (name, query) in ListQueries())
        {
            Staff(route, "GET", path, query, @case: name);
        }

        foreach (var (name, headers, _) in KeyVariants(StaffKey, TypebotKey))
        {
            Staff(route, "GET", path, "?limit=5", @case: $"auth: {name}", headers: headers);
        }

        Staff(route, "GET", path, "?api_key=" + StaffKey, @case: "auth: key in the query", headers: []);
        Staff(route, "GET", path, body: Utf8("{\"status\":1}"), @case: "GET with a JSON body");
        Staff(route, "GET", path, body: [0xFF, 0x00, 0xC3], @case: "GET with a binary body", headers: [(ApiKeyHeader, StaffKey), ("Content-Type", "application/octet-stream")]);
        foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH" })
        {
            Staff(route, method, path, body: Utf8("{}"), @case: $"method {method}");
        }

        foreach (var suffix in new[] { "/", "%2500", "/..%2f..%2fhealth%2flive", "/%2e%2e/%2e%2e/health/live", "//", ";jsessionid=1" })
        {
            Staff(route, "GET", path + suffix, @case: $"path {path}{suffix}");
        }
    }

    /// <summary>Ids that are not a driver's: malformed, oversized, encoded tricks, and well-formed ones that match nobody.</summary>
    private IEnumerable<(string Name, string Segment, bool WellFormed)> Ids()
    {
        var known = targets.DriverIds[0];
        yield return ("known id", known.ToString(), true);
        yield return ("known id in upper case", known.ToString().ToUpperInvariant(), true);
        yield return ("known id in braces", Encode("{" + known + "}"), true);
        yield return ("known id without dashes", known.ToString("N"), true);
        yield return ("known id with a trailing space", Encode(known + " "), false);
        yield return ("known id with an encoded %", known + "%25", false);
        yield return ("nil guid", Guid.Empty.ToString(), true);
        yield return ("unknown guid", new Guid(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray()).ToString(), true);
        yield return ("max guid", "ffffffff-ffff-ffff-ffff-ffffffffffff", true);
        yield return ("number", "1", false);
        yield return ("negative number", "-1", false);
        yield return ("word", "abc", false);
        yield return ("almost a guid", "00000000-0000-0000-0000-00000000000g", false);
        yield return ("guid too long", known + "0", false);
        yield return ("10,000 characters", new string('a', 10_000), false);
        yield return ("..%2f", "..%2f..%2fhealth%2flive", false);
        yield return ("dot segments", "%2e%2e", false);
        yield return ("SQL", Encode("' OR 1=1 --"), false);
        yield return ("emoji", Encode("👍🏽"), false);
        yield return ("empty", "", false);
    }

    private void DriverById()
    {
        var known = targets.DriverIds[0];
        foreach (var (route, method, suffix) in new[] { ("GET /api/drivers/{id}", "GET", ""), ("GET /api/drivers/{id}/gdpr-export", "GET", "/gdpr-export") })
        {
            foreach (var (name, segment, wellFormed) in Ids())
            {
                // A well-formed id that matches nobody is an empty 404, as documented (Produces(404) without a body).
                Staff(route, method, $"/api/drivers/{segment}{suffix}", @case: $"id: {name}", emptyAllowed: wellFormed ? [404] : null);
            }

            foreach (var (name, headers, _) in KeyVariants(StaffKey, TypebotKey))
            {
                Staff(route, method, $"/api/drivers/{known}{suffix}", @case: $"auth: {name}", headers: headers, emptyAllowed: [404]);
            }

            foreach (var query in new[] { "?id=" + Guid.Empty, "?x=" + new string('y', 50_000), "?%00" })
            {
                Staff(route, method, $"/api/drivers/{known}{suffix}", query, @case: $"query {Short(query)}");
            }

            foreach (var verb in new[] { "POST", "PUT", "DELETE", "PATCH" })
            {
                Staff(route, verb, $"/api/drivers/{known}{suffix}", body: Utf8("{}"), @case: $"method {verb}");
            }
        }

        // Erasure is destructive: only the last seeded driver, unknown ids and malformed ones.
        var erasable = targets.DriverIds[^1];
        foreach (var (name, segment, wellFormed) in Ids().Where(i => !i.Name.StartsWith("known", StringComparison.Ordinal)))
        {
            Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{segment}/erase", @case: $"id: {name}", emptyAllowed: wellFormed ? [404] : null);
        }

        foreach (var (name, headers, _) in KeyVariants(StaffKey, TypebotKey).Where(k => k.Authorised is false))
        {
            Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{erasable}/erase", @case: $"auth: {name}", headers: headers);
        }

        Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{erasable}/erase", body: Utf8("{\"id\":\"" + Guid.Empty + "\"}"), @case: "another id in the body");
        Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{erasable}/erase", @case: "erase");
        Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{erasable}/erase", @case: "erase twice");
        Staff("POST /api/drivers/{id}/erase", "POST", $"/api/drivers/{erasable}/erase", body: [0xFF, 0xFE, 0x00], @case: "binary body",
            headers: [(ApiKeyHeader, StaffKey), ("Content-Type", "application/json")]);
        Staff("POST /api/drivers/{id}/erase", "GET", $"/api/drivers/{erasable}/erase", @case: "method GET");
    }

    /// <summary>A driver no request has touched yet (version 1, submitted), while there are some left.</summary>
    private Guid NextFresh() => targets.FreshDriverIds[_fresh++ % targets.FreshDriverIds.Count];

    private void ChangeStatus()
    {
        const string route = "POST /api/drivers/{id}/status";
        var ids = targets.DriverIds.Take(targets.DriverIds.Count - 1).ToList();
        string Path() => $"/api/drivers/{Pick(ids)}/status";
        List<(string Name, string Json)> Valid() =>
        [
            ("status", FuzzValues.Json(Pick(new[] { "under_review", "approved", "rejected", "withdrawn", "submitted" }))),
            ("reason", "\"Documentos verificados\""),
            ("version", Num(_random.Next(1, 6))),
        ];

        for (var i = 0; i < 30; i++)
        {
            Staff(route, "POST", Path(), body: Object(Valid()), @case: "plausible change", emptyAllowed: [404]);
        }

        foreach (var (name, segment, wellFormed) in Ids().Where(i => !i.Name.StartsWith("known", StringComparison.Ordinal)))
        {
            Staff(route, "POST", $"/api/drivers/{segment}/status", body: Object(Valid()), @case: $"id: {name}", emptyAllowed: wellFormed ? [404] : null);
        }

        foreach (var (name, headers, authorised) in KeyVariants(StaffKey, TypebotKey))
        {
            Staff(route, "POST", Path(), body: Object(Valid()), @case: $"auth: {name}", headers: [.. headers, ("Content-Type", "application/json")], emptyAllowed: authorised ? [404] : null);
        }

        foreach (var (name, type) in ContentTypes)
        {
            (string, string)[] headers = type is null ? [(ApiKeyHeader, StaffKey)] : [(ApiKeyHeader, StaffKey), ("Content-Type", type)];
            Staff(route, "POST", Path(), body: Object(Valid()), @case: $"content type: {name}", headers: headers, emptyAllowed: [404]);
        }

        foreach (var (name, body) in FuzzValues.Malformed(Object(Valid())))
        {
            Staff(route, "POST", Path(), body: body, @case: $"malformed: {name}");
        }

        foreach (var field in new[] { "status", "reason", "version", "id" })
        {
            foreach (var (name, json) in FuzzValues.WrongTypes.Concat(FuzzValues.Strings()))
            {
                var members = Valid();
                members = field == "id" ? [.. members, ("id", json)] : With(members, field, json);
                Staff(route, "POST", Path(), body: Object(members), @case: $"{field} = {name}", emptyAllowed: [404]);
            }

            Staff(route, "POST", Path(), body: Object(Valid().Where(m => m.Name != field)), @case: $"{field} missing", emptyAllowed: [404]);
            Staff(route, "POST", Path(), body: Object(With(Valid(), field, FuzzValues.Json(new string('r', 1024 * 1024)))), @case: $"{field} = 1 MB string", emptyAllowed: [404]);
            Staff(route, "POST", Path(), body: Object(With(Valid(), field, new string('[', 10_000) + new string(']', 10_000))), @case: $"{field} nested 10,000 deep");
        }

        // Hostile reasons on valid moves (each on a driver untouched so far, at version 1), so they reach the database.
        foreach (var (name, json) in FuzzValues.Strings().Append(("1 MB", FuzzValues.Json(new string('r', 1024 * 1024)))).Append(("500 characters", FuzzValues.Json(new string('r', 500)))))
        {
            Staff(route, "POST", $"/api/drivers/{NextFresh()}/status", body: Object([("status", "\"under_review\""), ("reason", json), ("version", "1")]), @case: $"valid move, reason = {name}");
        }

        var big = Object(With(Valid(), "reason", FuzzValues.Json(new string('r', 1_500_000))));
        Staff(route, "POST", Path(), body: big, @case: "1.5 MB body (over the host's default limit)");
        Staff(route, "POST", Path(), body: big, @case: "1.5 MB body, chunked", chunked: true);

        foreach (var version in new[] { "2147483647", "2147483648", "-2147483649", "\"2\"", "2.0", "2e0", "0" })
        {
            Staff(route, "POST", Path(), body: Object(With(Valid(), "version", version)), @case: $"version {version}", emptyAllowed: [404]);
        }

        Staff(route, "POST", Path(), body: Object([.. Valid(), .. Enumerable.Range(0, 100_000).Select(i => ($"k{i}", "1"))]), @case: "100,000 unknown members", emptyAllowed: [404]);
        Staff(route, "POST", Path(), body: Object(With(Valid(), "reason", "[" + string.Join(",", Enumerable.Repeat("\"r\"", 100_000)) + "]")), @case: "reason = 100,000-element array");
        Staff(route, "POST", Path(), body: Object([("STATUS", "\"approved\""), ("Version", "1")]), @case: "members in other cases", emptyAllowed: [404]);
        for (var i = 0; i < 60; i++)
        {
            Staff(route, "POST", Path(), body: Damage(Object(Valid())), @case: "random byte damage", emptyAllowed: [404]);
        }
    }
}
