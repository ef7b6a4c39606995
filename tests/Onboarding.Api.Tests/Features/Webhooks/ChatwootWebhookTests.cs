using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using Onboarding.Api.Tests.Features.Drivers;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Bridge.Outbound.Intake;

namespace Onboarding.Api.Tests.Features.Webhooks;

/// <summary>The Chatwoot webhook through the host, signed as Chatwoot signs: what reaches the outbox from hostile bodies.</summary>
public sealed class ChatwootWebhookTests(AppFixture app) : IntegrationContext(app)
{
    private const int Conversation = 77;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.ExecuteAsync(new CommandDefinition("""
            WITH contact AS (INSERT INTO contacts (wa_chat_id) VALUES ('351915211836@c.us') RETURNING id)
            INSERT INTO conversations (contact_id, chatwoot_conversation_id) SELECT id, @Conversation FROM contact
            """, new { Conversation }, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static string Reply(string id = "501", string conversation = "{\"id\":77}", string content = "\"Olá Maria\"", string attachments = "[]") =>
        $$"""{"event":"message_created","message_type":"outgoing","id":{{id}},"content":{{content}},"private":false,"conversation":{{conversation}},"sender":{"type":"user"},"attachments":{{attachments}}}""";

    private Task<RawResponse> PostAsync(string json, bool chunked = false)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Host.SendRawAsync("POST", "/webhooks/chatwoot", body: body, chunked: chunked, headers:
        [
            ("Content-Type", "application/json"), ("X-Chatwoot-Timestamp", at.ToString(CultureInfo.InvariantCulture)),
            ("X-Chatwoot-Signature", ChatwootSignature.Sign(AppFixture.ChatwootSecret, at, body)),
        ]);
    }

    [Theory]
    [InlineData("[501]", "{\"id\":77}")]
    [InlineData("null", "{\"id\":77}")]
    [InlineData("501", "[77]")]
    [InlineData("501", "{\"id\":{}}")]
    [InlineData("\"5x1\"", "{\"id\":77}")]
    public async Task An_id_or_conversation_of_no_id_shape_is_ignored_not_an_error(string id, string conversation)
    {
        var response = await PostAsync(Reply(id, conversation));

        response.Status.ShouldBe(200, response.Body);
        response.Json.Str("result").ShouldBe("ignored");
        (await QuerySingleAsync<long>("SELECT count(*) FROM outbox")).ShouldBe(0);
    }

    [Theory]
    [InlineData("\"501\"", "{\"id\":77}")]
    [InlineData("501", "77")]
    [InlineData("501", "\"77\"")]
    [InlineData("501", "{\"id\":\"77\"}")]
    [InlineData("{\"id\":501}", "{\"id\":77}")]
    public async Task Ids_as_numbers_strings_or_objects_are_all_read(string id, string conversation)
    {
        var response = await PostAsync(Reply(id, conversation));

        response.Status.ShouldBe(200, response.Body);
        response.Json.Str("result").ShouldBe("recorded");
        (await QueryAsync<string>("SELECT dedupe_key FROM outbox")).ShouldBe(["cw:501"]);
    }

    [Fact]
    public async Task A_reply_wrapped_in_a_rails_style_envelope_is_read_like_a_bare_one()
    {
        var response = await PostAsync($$"""{"webhook":{{Reply()}}}""");

        response.Status.ShouldBe(200, response.Body);
        response.Json.Str("result").ShouldBe("recorded");
        (await QueryAsync<string>("SELECT dedupe_key FROM outbox")).ShouldBe(["cw:501"]);
    }

    [Theory]
    [InlineData("\"77\"")]
    [InlineData("77")]
    [InlineData("{\"id\":77}")]
    [InlineData("\"not a number\"")]
    [InlineData("[]")]
    public async Task A_status_event_with_an_id_of_any_shape_is_answered_200_never_500(string id)
    {
        // A string id threw InvalidOperationException in JsonElement.TryGetInt64 and answered 500.
        var response = await PostAsync($$"""{"event":"conversation_status_changed","id":{{id}},"status":"resolved"}""");

        response.Status.ShouldBe(200, response.Body);
    }

    [Fact]
    public async Task A_nul_or_a_cut_emoji_is_sent_as_a_replacement_character_not_an_error()
    {
        var response = await PostAsync(Reply(content: "\"Olá \\u0000 Maria \\ud83d\"", attachments: "[{\"data_url\":\"https://x.invalid/a\\udc00.pdf\"}]"));

        response.Status.ShouldBe(200, response.Body);
        var rows = await QueryAsync<(string Key, string? Text, string? Url)>("SELECT dedupe_key, payload->>'text', payload->>'fileUrl' FROM outbox ORDER BY id");
        rows.ShouldBe([("cw:501", "Olá \uFFFD Maria \uFFFD", null), ("cw:501:0", null, "https://x.invalid/a\uFFFD.pdf")]);
    }

    [Fact]
    public async Task A_reply_is_enqueued_text_first_then_each_attachment_once()
    {
        var json = Reply(attachments: "[{\"data_url\":\"https://x.invalid/1.pdf\"},{\"file_type\":\"image\"},{\"data_url\":\"https://x.invalid/2.jpg\"}]");

        var first = await PostAsync(json);
        var replay = await PostAsync(json);

        first.Json.Str("result").ShouldBe("recorded");
        replay.Json.Str("result").ShouldBe("duplicate");
        (await QueryAsync<string>("SELECT dedupe_key FROM outbox ORDER BY id")).ShouldBe(["cw:501", "cw:501:0", "cw:501:1"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_servers_default_limit_is_accepted_up_to_the_routes_own(bool chunked)
    {
        var response = await PostAsync(Reply(content: $"\"{new string('c', 1_500_000)}\""), chunked);

        response.Status.ShouldBe(200, response.Body);
        (await QuerySingleAsync<long>("SELECT count(*) FROM outbox")).ShouldBe(1);
    }
}
