namespace Onboarding.Api.Tests.Fuzz;

public sealed partial class FuzzGenerator
{
    /// <summary>The routes without a key: the console's files, health, the OpenAPI document, and paths nobody maps.</summary>
    private void Anonymous()
    {
        (string Route, string Path)[] routes =
        [
            ("GET /console", "/console"), ("GET /console", "/console/console.js"), ("GET /console", "/console/console.css"),
            ("GET /health/live", "/health/live"), ("GET /health/ready", "/health/ready"), ("GET /swagger/v1/swagger.json", "/swagger/v1/swagger.json"),
            ("GET /metrics", "/metrics"),
        ];
        foreach (var (route, path) in routes)
        {
            Add(new FuzzRequest { Route = route, Method = "GET", Path = path, Case = "plain" });
            Add(new FuzzRequest { Route = route, Method = "HEAD", Path = path, Case = "HEAD" });
            foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND" })
            {
                Add(new FuzzRequest { Route = route, Method = method, Path = path, Body = Utf8("{}"), Headers = [("Content-Type", "application/json")], Case = $"method {method}" });
            }

            foreach (var query in new[] { "?%00", "?q=" + Encode("<script>alert(1)</script>"), "?" + new string('a', 100_000), "?x=%zz", "?cursor=" + Encode("' OR 1=1") })
            {
                Add(new FuzzRequest { Route = route, Method = "GET", Path = path, Query = query, Case = $"query {Short(query)}" });
            }

            foreach (var (name, headers) in new (string, (string, string)[])[]
            {
                ("wrong key", [(ApiKeyHeader, "wrong-key-0123456789abcdef")]), ("typebot key", [(ApiKeyHeader, TypebotKey)]),
                ("If-None-Match of 10 KB", [("If-None-Match", new string('"', 10_000))]), ("If-None-Match list", [("If-None-Match", "\"a\", W/\"b\", *")]),
                ("Accept XML", [("Accept", "application/xml")]), ("Accept-Encoding junk", [("Accept-Encoding", "br;q=2, *;q=-1, gzip;q=NaN")]),
                ("Range", [("Range", "bytes=9999999-0")]), ("Host header junk", [("Host", "evil.invalid:99999")]),
            })
            {
                Add(new FuzzRequest { Route = route, Method = "GET", Path = path, Headers = headers, Case = $"header: {name}" });
            }

            foreach (var suffix in new[] { "/", "/..%2f..%2fapi%2fdrivers", "/%2e%2e/%2e%2e/api/drivers", ".bak", "~", "/" + new string('x', 10_000) })
            {
                Add(new FuzzRequest { Route = route, Method = "GET", Path = path + suffix, Case = $"path +{Short(suffix)}" });
            }
        }

        // The media route's link is its credential: every forged, tampered or expired one is a 403 that says so.
        const string media = "GET /media/{id}";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var id in new[] { "false_351915211836@c.us_ABC", Encode("' OR 1=1"), new string('m', 10_000), Encode("👍🏽"), "..%2f..%2fapi%2fdrivers", "%2500" })
        {
            foreach (var query in new[]
            {
                "", $"?exp={now + 600}", $"?exp={now + 600}&sig={new string('0', 64)}", $"?exp={now - 600}&sig={new string('a', 64)}",
                "?exp=-1&sig=x", "?exp=" + FuzzValues.TenToThe400 + "&sig=x", "?exp=abc&sig=" + Encode("\0"), $"?exp={now + 600}&sig=" + new string('s', 10_000),
                $"?exp={now + 600}&exp={now + 700}&sig=a&sig=b", "?sig=" + Encode("çãø🔑"),
            })
            {
                Add(new FuzzRequest { Route = media, Method = "GET", Path = "/media/" + id, Query = query, Case = $"link {Short(id)} {Short(query)}" });
            }
        }

        foreach (var method in new[] { "POST", "PUT", "DELETE" })
        {
            Add(new FuzzRequest { Route = media, Method = method, Path = "/media/x", Body = Utf8("{}"), Headers = [("Content-Type", "application/json")], Case = $"method {method}" });
        }

        foreach (var path in new[] { "/", "/api", "/api/", "/api/drivers/", "/webhooks", "/webhooks/wppconnect", "/webhooks/wppconnect/", "/%2500", "/..%2f..%2fetc%2fpasswd",
            "/api/drivers/x/y/z", "/api/drivers//status", "/console/../api/drivers", "/.env", "/" + new string('a', 10_000), "/swagger", "/swagger/v2/swagger.json" })
        {
            foreach (var method in new[] { "GET", "POST" })
            {
                Add(new FuzzRequest
                {
                    Route = "(no route)",
                    Method = method,
                    Path = path,
                    Body = method == "POST" ? Utf8("{}") : null,
                    Headers = [(ApiKeyHeader, StaffKey), ("Content-Type", "application/json")],
                    Case = $"unmapped {Short(path)}",
                });
            }
        }
    }

    /// <summary>
    /// <c>POST /api/flows/check</c> (staff key, a raw flow export of at most 2 MiB). Generated only when the host maps
    /// the route, so the pass also runs on a host without it; route-specific cases go here.
    /// </summary>
    private void FlowsCheck()
    {
        if (!targets.FlowsCheckMapped)
        {
            return;
        }

        const string route = "POST /api/flows/check";
        const string path = "/api/flows/check";
        const int maxBytes = 2 * 1024 * 1024;
        var flow = Utf8("""{"version":"6","groups":[{"id":"g1","title":"Start","blocks":[{"id":"b1","type":"text","content":{"richText":[]}}]}],"edges":[],"variables":[],"events":[]}""");
        Staff(route, "POST", path, body: flow, @case: "small flow");
        foreach (var (name, headers, _) in KeyVariants(StaffKey, TypebotKey))
        {
            Staff(route, "POST", path, body: flow, @case: $"auth: {name}", headers: [.. headers, ("Content-Type", "application/json")]);
        }

        foreach (var (name, type) in ContentTypes)
        {
            Staff(route, "POST", path, body: flow, @case: $"content type: {name}", headers: type is null ? [(ApiKeyHeader, StaffKey)] : [(ApiKeyHeader, StaffKey), ("Content-Type", type)]);
        }

        foreach (var (name, body) in FuzzValues.Malformed(flow))
        {
            Staff(route, "POST", path, body: body, @case: $"malformed: {name}");
        }

        foreach (var (name, json) in FuzzValues.WrongTypes.Concat(FuzzValues.Strings()))
        {
            foreach (var member in new[] { "version", "groups", "edges", "variables", "events" })
            {
                Staff(route, "POST", path, body: Utf8("{\"" + member + "\":" + json + "}"), @case: $"{member} = {name}");
            }
        }

        Staff(route, "POST", path, body: PadTo(flow, maxBytes), @case: "body exactly at the 2 MiB limit");
        Staff(route, "POST", path, body: PadTo(flow, maxBytes + 1), @case: "body one byte over the 2 MiB limit");
        for (var i = 0; i < 60; i++)
        {
            Staff(route, "POST", path, body: Damage(flow), @case: "random byte damage");
        }
    }
}
