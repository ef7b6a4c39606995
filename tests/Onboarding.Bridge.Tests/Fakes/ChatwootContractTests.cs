using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Bridge.Tests.Fakes;

public sealed class ChatwootContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Swagger = OpenApiDocument.Load("chatwoot", "swagger.json");
    private FakeChatwoot _chatwoot = null!;
    private WebhookSink _sink = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChatwootClient Client => _services.GetRequiredService<ChatwootClient>();

    public async ValueTask InitializeAsync()
    {
        _sink = await WebhookSink.StartAsync();
        _chatwoot = await FakeChatwoot.StartAsync(new FakeChatwootOptions { WebhookUrl = _sink.Url }, Ct);
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["Chatwoot:BaseUrl"] = _chatwoot.BaseUrl.ToString(),
            ["Chatwoot:AccountId"] = "1",
            ["Chatwoot:InboxId"] = "1",
            ["Chatwoot:ApiToken"] = _chatwoot.ApiToken,
            ["Chatwoot:WebhookSecret"] = "s",
            ["Chatwoot:TeamId"] = "1",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _chatwoot.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public void Every_route_of_the_fake_is_documented()
    {
        // Message status PATCH (4.2+, reference chatwoot.md §5) and the attachment redirect are not in swagger.json.
        string[] documentedElsewhere =
        [
            "PATCH /api/v1/accounts/{}/conversations/{}/messages/{}",
            "GET /rails/active_storage/blobs/redirect/{}/{}",
        ];
        foreach (var (method, pattern) in _chatwoot.Routes)
        {
            var normalised = OpenApiDocument.Normalise(pattern.Replace(":int", "", StringComparison.Ordinal));
            if (!documentedElsewhere.Contains($"{method} {normalised}"))
            {
                Swagger.Operation(method, normalised).ShouldNotBeNull($"{method} {pattern}");
            }
        }
    }

    [Fact]
    public async Task Request_bodies_sent_by_the_client_match_the_documented_properties()
    {
        var contact = await Client.CreateContactAsync("J", "+351915211836", "351915211836@c.us", "351915211836",
            new Dictionary<string, object?> { ["wa"] = "x" }, Ct);
        await Client.FindContactByPhoneAsync("+351915211836", Ct);
        await Client.EnsureContactInboxAsync(contact.Contact!.Id, "351915211836", Ct);
        var conversation = await Client.CreateConversationAsync(contact.Contact.Id, "351915211836", "pending", ct: Ct);
        await Client.CreateMessageAsync(conversation.Id, ChatwootNewMessage.Incoming("Olá", "wpp:1"), Ct);
        await Client.SetStatusAsync(conversation.Id, "open", Ct);
        await Client.AssignTeamAsync(conversation.Id, ct: Ct);
        await Client.SetLabelsAsync(conversation.Id, ["bot"], Ct);
        await Client.SetCustomAttributesAsync(conversation.Id, new Dictionary<string, object?> { ["a"] = 1 }, Ct);

        // source_id on contact and message creates is permitted by the controllers (reference chatwoot.md §2, §5).
        string[] documentedElsewhere = ["source_id"];
        var bodies = _chatwoot.Requests.Where(r => r.Body.Length > 0).ToList();
        bodies.Select(r => r.RoutePattern).Distinct().Count().ShouldBe(9);
        foreach (var request in bodies)
        {
            var path = request.RoutePattern.Replace(":int", "", StringComparison.Ordinal);
            var declared = Swagger.BodyProperties(request.Method, path);
            foreach (var property in JsonDocument.Parse(request.Body).RootElement.EnumerateObject())
            {
                if (documentedElsewhere.Contains(property.Name) && !declared.ContainsKey(property.Name))
                {
                    continue;
                }

                declared.ShouldContainKey(property.Name, $"{path}: {property.Name}");
                var type = declared[property.Name] is "integer" ? "number" : declared[property.Name];
                OpenApiDocument.JsonType(property.Value).ShouldBe(type, $"{path}: {property.Name}");
            }
        }
    }

    [Fact]
    public async Task Rest_and_webhook_message_shapes_differ_as_in_the_reference()
    {
        var contact = await Client.CreateContactAsync("J", "+351915211836", "351915211836@c.us", "351915211836", ct: Ct);
        var conversation = await Client.CreateConversationAsync(contact.Contact!.Id, "351915211836", ct: Ct);
        using var http = new HttpClient { BaseAddress = _chatwoot.BaseUrl };
        http.DefaultRequestHeaders.Add("api_access_token", _chatwoot.ApiToken);
        var response = await http.PostAsync($"api/v1/accounts/1/conversations/{conversation.Id}/messages",
            new StringContent("""{"content":"Olá","message_type":"incoming","source_id":"wpp:9"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var rest = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        ((int)response.StatusCode).ShouldBe(200);
        rest.GetProperty("message_type").GetInt32().ShouldBe(0);
        rest.GetProperty("created_at").ValueKind.ShouldBe(JsonValueKind.Number);
        rest.GetProperty("sender").GetProperty("type").GetString().ShouldBe("contact");
        string[] restKeys = ["id", "content", "inbox_id", "conversation_id", "message_type", "content_type", "status", "content_attributes", "created_at", "private", "source_id", "sender"];
        rest.EnumerateObject().Select(p => p.Name).ShouldBe(restKeys, ignoreOrder: true);

        var (body, _) = await _sink.WaitForAsync(b => b.Contains("\"event\":\"message_created\"", StringComparison.Ordinal));
        var hook = JsonDocument.Parse(body).RootElement;
        hook.GetProperty("message_type").GetString().ShouldBe("incoming");
        hook.GetProperty("created_at").ValueKind.ShouldBe(JsonValueKind.String);
        hook.TryGetProperty("status", out _).ShouldBeFalse();
        hook.GetProperty("sender").TryGetProperty("type", out _).ShouldBeFalse();
        hook.GetProperty("source_id").GetString().ShouldBe("wpp:9");
        hook.GetProperty("conversation").GetProperty("messages")[0].GetProperty("message_type").GetInt32().ShouldBe(0);

        var noSourceId = await http.PostAsync("api/v1/accounts/1/conversations",
            new StringContent("""{"source_id":"unknown"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        ((int)noSourceId.StatusCode).ShouldBe(404);
        (await noSourceId.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"error":"Resource could not be found"}""");
    }
}
