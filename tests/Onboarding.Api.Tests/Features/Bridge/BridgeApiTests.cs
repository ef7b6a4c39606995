using Dapper;
using Npgsql;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Features.Bridge;

/// <summary>The bridge page's API: session, queues, latencies, dead letters and their retry.</summary>
public sealed class BridgeApiTests(AppFixture app) : IntegrationContext(app)
{
    private const string Qr = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Status_shows_the_session_with_its_qr_code_the_queues_and_the_latencies()
    {
        await ExecuteAsync("""
            INSERT INTO bridge_state (key, value) VALUES ('wpp.status', 'QRCODE'), ('wpp.status-find', 'notLogged'), ('wpp.qrcode', @Qr);
            INSERT INTO inbound_messages (wa_message_id, wa_chat_id, from_me, wa_timestamp, received_via, payload, state, received_at, processed_at)
            VALUES ('m1', '351915211836@c.us', false, now(), 'webhook', '{}', 'done', now() - interval '1 s', now() - interval '900 ms'),
                   ('m2', '351915211836@c.us', false, now(), 'webhook', '{}', 'done', now() - interval '1 s', now() - interval '700 ms'),
                   ('m3', '351915211836@c.us', false, now(), 'webhook', '{}', 'pending', now(), NULL),
                   ('m4', '351915211836@c.us', false, now(), 'poll', '{}', 'failed', now(), now());
            INSERT INTO outbox (dedupe_key, wa_chat_id, kind, payload, state, created_at, sent_at)
            VALUES ('a', '351915211836@c.us', 'text', '{}', 'sent', now() - interval '1 s', now() - interval '950 ms'),
                   ('b', '351915211836@c.us', 'text', '{}', 'sent', now() - interval '1 s', now() - interval '850 ms'),
                   ('c', '351915211836@c.us', 'pause', '{}', 'sent', now() - interval '10 s', now()),
                   ('d', '351915211836@c.us', 'text', '{}', 'pending', now(), NULL),
                   ('e', '351915211836@c.us', 'text', '{}', 'dead', now(), NULL);
            """, new { Qr });

        var (status, body) = await Host.StaffGetAsync("/api/bridge/status");

        status.ShouldBe(200);
        var session = body.GetProperty("session");
        session.Str("status").ShouldBe("QRCODE");
        session.Str("last_event").ShouldBe("notLogged");
        session.Str("qr_code").ShouldBe(Qr);
        var queues = body.GetProperty("queues");
        queues.GetProperty("inbound_backlog").GetInt64().ShouldBe(1);
        queues.GetProperty("inbound_failed").GetInt64().ShouldBe(1);
        queues.GetProperty("outbox").GetInt64().ShouldBe(1);
        queues.GetProperty("dead_letters").GetInt64().ShouldBe(1);
        var inbound = body.GetProperty("latencies").GetProperty("inbound");
        inbound.GetProperty("samples").GetInt64().ShouldBe(2);
        inbound.GetProperty("p50_ms").GetDouble().ShouldBe(200, 1);
        inbound.GetProperty("p95_ms").GetDouble().ShouldBe(290, 1);
        // Pauses are waits, not messages: only the two texts count.
        var outbox = body.GetProperty("latencies").GetProperty("outbox");
        outbox.GetProperty("samples").GetInt64().ShouldBe(2);
        outbox.GetProperty("p50_ms").GetDouble().ShouldBe(100, 1);
        outbox.GetProperty("p95_ms").GetDouble().ShouldBe(145, 1);
    }

    [Fact]
    public async Task Status_before_the_first_check_has_no_session_and_no_samples()
    {
        var (status, body) = await Host.StaffGetAsync("/api/bridge/status");

        status.ShouldBe(200);
        body.GetProperty("session").GetProperty("status").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("latencies").GetProperty("inbound").GetProperty("samples").GetInt64().ShouldBe(0);
        body.GetProperty("latencies").GetProperty("inbound").GetProperty("p50_ms").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_stored_qr_code_that_is_not_an_image_is_not_given_to_the_page()
    {
        await ExecuteAsync("INSERT INTO bridge_state (key, value) VALUES ('wpp.status', 'QRCODE'), ('wpp.qrcode', 'javascript:alert(1)')");

        var (_, body) = await Host.StaffGetAsync("/api/bridge/status");

        body.GetProperty("session").GetProperty("qr_code").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Dead_letters_are_listed_newest_first_with_the_numbers_masked()
    {
        await ExecuteAsync("""
            INSERT INTO outbox (dedupe_key, wa_chat_id, lane, kind, payload, state, attempts, last_error, chatwoot_conversation_id)
            VALUES ('cw:1', '351915211836@c.us', 'whatsapp', 'text', '{}', 'dead', 14, 'O número 351915211836 não existe.', 7),
                   ('cw:2', '351936000001@c.us', 'whatsapp', 'text', '{}', 'sent', 1, NULL, 8),
                   ('handoff:9:1:note', '123456789012345@lid', 'chatwoot', 'cw_message', '{}', 'dead', 3, 'Chatwoot 500', 9);
            """);

        var (status, body) = await Host.StaffGetAsync("/api/bridge/dead-letters");

        status.ShouldBe(200);
        body.GetProperty("total").GetInt64().ShouldBe(2);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items[0].Str("chat").ShouldBe("***********2345@lid");
        items[0].Str("lane").ShouldBe("chatwoot");
        items[0].Str("kind").ShouldBe("cw_message");
        items[1].Str("chat").ShouldBe("+351*****1836");
        items[1].Str("last_error").ShouldBe("O número ********1836 não existe.");
        items[1].GetProperty("attempts").GetInt32().ShouldBe(14);
        items[1].GetProperty("chatwoot_conversation_id").GetInt64().ShouldBe(7);
        body.ToString().ShouldNotContain("351915211836");
    }

    [Fact]
    public async Task Retry_queues_a_dead_letter_again_once()
    {
        var id = await QuerySingleAsync<long>("""
            INSERT INTO outbox (dedupe_key, wa_chat_id, kind, payload, state, attempts, last_error, created_at, next_attempt_at)
            VALUES ('cw:1', '351915211836@c.us', 'text', '{}', 'dead', 14, 'gave up', now() - interval '7 hours', now() - interval '1 hour')
            RETURNING id
            """);

        var (status, body) = await Host.StaffPostAsync($"/api/bridge/dead-letters/{id}/retry", new { });

        status.ShouldBe(200);
        body.Str("state").ShouldBe("pending");
        var row = await QuerySingleAsync<(string State, bool Due, bool FreshBudget)>(
            "SELECT state, next_attempt_at <= now(), created_at > now() - interval '1 minute' FROM outbox WHERE id = @id", new { id });
        row.ShouldBe(("pending", true, true));

        var (again, problem) = await Host.StaffPostAsync($"/api/bridge/dead-letters/{id}/retry", new { });
        again.ShouldBe(409);
        problem.ToString().ShouldContain("not a dead letter");
    }

    [Fact]
    public async Task Retry_of_an_unknown_row_is_404_and_of_a_sent_one_409()
    {
        var sent = await QuerySingleAsync<long>(
            "INSERT INTO outbox (dedupe_key, wa_chat_id, kind, payload, state) VALUES ('cw:1', '351915211836@c.us', 'text', '{}', 'sent') RETURNING id");

        (await Host.StaffPostAsync("/api/bridge/dead-letters/999999/retry", new { })).Status.ShouldBe(404);
        (await Host.StaffPostAsync($"/api/bridge/dead-letters/{sent}/retry", new { })).Status.ShouldBe(409);
        (await QuerySingleAsync<string>("SELECT state FROM outbox WHERE id = @sent", new { sent })).ShouldBe("sent");
    }

    [Theory]
    [InlineData("/api/bridge/status")]
    [InlineData("/api/bridge/dead-letters")]
    public async Task The_bridge_routes_are_for_staff(string url)
    {
        (await Host.StaffGetAsync(url, key: AppFixture.TypebotKey)).Status.ShouldBe(403);
        (await Host.StaffPostAsync("/api/bridge/dead-letters/1/retry", new { }, key: AppFixture.TypebotKey)).Status.ShouldBe(403);
    }

    private async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.ExecuteAsync(sql, args);
    }
}
