using System.Text;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Webhooks;

/// <summary>The WPPConnect webhook through the host: what it records from hostile bodies, and what a wrong token learns.</summary>
public sealed class WppConnectWebhookTests(AppFixture app) : IntegrationContext(app)
{
    private const string Route = "/webhooks/wppconnect/" + AppFixture.WebhookToken;

    private static string Message(string id, string body = "Olá", string t = "1764000000") =>
        $$"""{"event":"onmessage","id":"false_351915211836@c.us_{{id}}","from":"351915211836@c.us","chatId":"351915211836@c.us","body":"{{body}}","type":"chat","t":{{t}},"fromMe":false}""";

    private Task<RawResponse> PostAsync(string json) => PostAsync(Encoding.UTF8.GetBytes(json));

    private Task<RawResponse> PostAsync(byte[] body, string route = Route) =>
        Host.SendRawAsync("POST", route, body: body, headers: [("Content-Type", "application/json")]);

    [Fact]
    public async Task A_nul_or_a_cut_emoji_is_stored_as_a_replacement_character_not_an_error()
    {
        var nul = await PostAsync(Message("A1", body: "a\\u0000b"));
        var cut = await PostAsync(Message("A2", body: "Maria \\ud83d"));
        var pair = await PostAsync(Message("A3", body: "\\ud83d\\udc4d"));
        var escapedBackslash = await PostAsync(Message("A4", body: "c:\\\\u0000"));

        foreach (var response in new[] { nul, cut, pair, escapedBackslash })
        {
            response.Status.ShouldBe(200, response.Body);
        }

        var bodies = await QueryAsync<(string Id, string Body)>("SELECT wa_message_id, payload->>'body' FROM inbound_messages ORDER BY id");
        bodies.Select(b => b.Body).ShouldBe(["a\uFFFDb", "Maria \uFFFD", "👍", "c:\\u0000"]);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_and_stores_nothing()
    {
        var json = Encoding.UTF8.GetBytes(Message("B1"));
        byte[] body = [.. json[..20], 0xC0, 0xAF, .. json[20..]];

        var response = await PostAsync(body);

        response.Status.ShouldBe(400, response.Body);
        response.Json.Str("code").ShouldBe("body.malformed_json");
        (await QuerySingleAsync<long>("SELECT count(*) FROM inbound_messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("-9223372036854775808")]
    public async Task A_time_no_calendar_holds_counts_as_missing(string t)
    {
        var response = await PostAsync(Message("C1", t: t));

        response.Status.ShouldBe(200, response.Body);
        (await QuerySingleAsync<DateTime>("SELECT wa_timestamp FROM inbound_messages")).ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("1764000000123")]
    [InlineData("1764000000.5")]
    [InlineData("\"1764000000\"")]
    public async Task A_time_in_milliseconds_a_float_or_a_string_is_read_as_seconds(string t)
    {
        var response = await PostAsync(Message("E1", t: t));

        response.Status.ShouldBe(200, response.Body);
        (await QuerySingleAsync<DateTime>("SELECT wa_timestamp FROM inbound_messages")).ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1764000000).UtcDateTime);
    }

    [Fact]
    public async Task Ids_as_wid_objects_flags_as_strings_and_no_session_are_read()
    {
        // wa-js serialises ids as Wid objects in places; some builds give flags as strings or null.
        var json = """
            {"event":"onmessage","id":{"fromMe":false,"remote":{"server":"c.us","user":"351915211836","_serialized":"351915211836@c.us"},"id":"F1","_serialized":"false_351915211836@c.us_F1"},
             "from":{"server":"c.us","user":"351915211836","_serialized":"351915211836@c.us"},"to":"351910000000@c.us","chatId":{"server":"c.us","user":"351915211836"},
             "body":"Olá","type":"chat","timestamp":1764000000,"fromMe":"false","isGroupMsg":null,"ack":"1","sender":{"id":{"_serialized":"351915211836@c.us"},"pushname":"Maria"}}
            """;

        var response = await PostAsync(json);

        response.Status.ShouldBe(200, response.Body);
        response.Json.Str("result").ShouldBe("recorded");
        (await QueryAsync<(string Id, string Chat, bool FromMe)>("SELECT wa_message_id, wa_chat_id, from_me FROM inbound_messages"))
            .ShouldBe([("false_351915211836@c.us_F1", "351915211836@c.us", false)]);
    }

    [Fact]
    public async Task An_event_wrapped_in_an_envelope_is_read_like_a_bare_one()
    {
        var response = await PostAsync($$"""{"payload":{{Message("G1")}}}""");

        response.Status.ShouldBe(200, response.Body);
        response.Json.Str("result").ShouldBe("recorded");
    }

    [Theory]
    [InlineData("\"sender\":\"351915211836@c.us\"")]
    [InlineData("\"lat\":{\"x\":1}")]
    [InlineData("\"body\":42")]
    public async Task A_field_of_a_shape_no_reader_knows_is_ignored_not_a_500(string field)
    {
        var json = Message("H1").Replace("\"type\":\"chat\"", field + ",\"type\":\"chat\"", StringComparison.Ordinal);

        var response = await PostAsync(json);

        response.Status.ShouldBe(200, response.Body);
    }

    [Fact]
    public async Task The_qrcode_event_is_stored_as_a_data_uri_and_each_refresh_replaces_it()
    {
        // WPPConnect Server 2.10.4 strips the data: prefix in the qrcode webhook (createSessionUtil.ts exportQR).
        var first = await PostAsync("""{"event":"qrcode","session":"test","qrcode":"iVBORw0KGgoAAAA=","urlcode":"2@abc"}""");
        var refreshed = await PostAsync("""{"event":"qrcode","qrcode":"iVBORw0KGgoBBBA=","urlcode":"2@def"}""");
        var garbage = await PostAsync("""{"event":"qrcode","qrcode":"not base64!"}""");

        first.Status.ShouldBe(200, first.Body);
        refreshed.Status.ShouldBe(200, refreshed.Body);
        garbage.Json.Str("result").ShouldBe("ignored");
        (await QuerySingleAsync<string>("SELECT value FROM bridge_state WHERE key = 'wpp.qrcode'")).ShouldBe("data:image/png;base64,iVBORw0KGgoBBBA=");
        var (_, status) = await Host.StaffGetAsync("/api/bridge/status");
        status.GetProperty("session").Str("qr_code").ShouldBe("data:image/png;base64,iVBORw0KGgoBBBA=");
    }

    [Fact]
    public async Task A_wrong_token_gets_the_same_answer_as_a_route_that_does_not_exist()
    {
        var wrongToken = await PostAsync(Encoding.UTF8.GetBytes(Message("D1")), "/webhooks/wppconnect/wrong-token");
        var noRoute = await PostAsync(Encoding.UTF8.GetBytes(Message("D2")), "/webhooks/nothing-here");

        wrongToken.Status.ShouldBe(404);
        noRoute.Status.ShouldBe(404);
        wrongToken.ContentType.ShouldBe(noRoute.ContentType);
        Without(wrongToken.Json, "trace_id").ShouldBe(Without(noRoute.Json, "trace_id"));
        (await QuerySingleAsync<long>("SELECT count(*) FROM inbound_messages")).ShouldBe(0);
    }

    private static Dictionary<string, string> Without(System.Text.Json.JsonElement json, string member) =>
        json.EnumerateObject().Where(p => p.Name != member).ToDictionary(p => p.Name, p => p.Value.ToString());
}
