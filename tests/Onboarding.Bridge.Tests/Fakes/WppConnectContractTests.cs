using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bridge.Tests.Fakes;

public sealed class WppConnectContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Swagger = OpenApiDocument.Load("wppconnect", "swagger.json");
    private FakeWppConnect _wpp = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _wpp = await FakeWppConnect.StartAsync(ct: Ct);
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["WppConnect:BaseUrl"] = _wpp.BaseUrl.ToString(),
            ["WppConnect:Session"] = _wpp.Session,
            ["WppConnect:SecretKey"] = _wpp.SecretKey,
            ["WppConnect:WebhookToken"] = "t",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _wpp.DisposeAsync();
    }

    [Fact]
    public void Every_route_of_the_fake_is_in_the_openapi_document_with_its_method()
    {
        _wpp.Routes.Count.ShouldBeGreaterThan(20);
        // /__faults/… are the fake's own switches for tests that drive a host in another process, not WPPConnect's API.
        foreach (var (method, pattern) in _wpp.Routes.Where(r => !r.Pattern.StartsWith("/__faults/", StringComparison.Ordinal)))
        {
            Swagger.Operation(method, pattern).ShouldNotBeNull($"{method} {pattern}");
        }
    }

    [Fact]
    public async Task Request_bodies_sent_by_the_client_match_the_documented_properties()
    {
        var client = _services.GetRequiredService<WppConnectClient>();
        var phone = _wpp.Phone("+351915211836");
        await client.StartSessionAsync(new Uri("http://127.0.0.1:9/hook"), Ct);
        await client.ListChatsAsync(new Onboarding.Bridge.Clients.WppConnect.Dtos.WppListChatsRequest { Count = 5, OnlyUsers = true }, Ct);
        await client.SendTextAsync(phone.ChatId, "a", "true_x@c.us_1", Ct);
        await client.SendImageAsync(phone.ChatId, new byte[] { 1 }, "image/png", "a.png", "c", Ct);
        await client.SendFileAsync(phone.ChatId, new byte[] { 1 }, "application/pdf", "a.pdf", null, Ct);
        await client.SendLocationAsync(phone.ChatId, 1.5, 2.5, "t", "a", Ct);
        await client.SendContactCardAsync(phone.ChatId, "351910000000", "n", Ct);
        await client.SetTypingAsync(phone.ChatId, true, Ct);

        // isLid exists on every send since v2.8.0 (reference wppconnect.md §5, §8); swagger lists it only on some.
        string[] documentedElsewhere = ["isLid"];
        var bodies = _wpp.Requests.Where(r => r.Body.Length > 0).ToList();
        bodies.Select(r => r.RoutePattern).Distinct().Count().ShouldBe(8);
        foreach (var request in bodies)
        {
            var declared = Swagger.BodyProperties(request.Method, request.RoutePattern);
            foreach (var property in JsonDocument.Parse(request.Body).RootElement.EnumerateObject())
            {
                if (documentedElsewhere.Contains(property.Name))
                {
                    continue;
                }

                declared.ShouldContainKey(property.Name, $"{request.RoutePattern}: {property.Name}");
                var type = declared[property.Name];
                OpenApiDocument.JsonType(property.Value).ShouldBe(type == "integer" ? "number" : type, $"{request.RoutePattern}: {property.Name}");
            }
        }
    }

    [Fact]
    public async Task Responses_have_the_shapes_of_the_2021_examples()
    {
        using var http = new HttpClient { BaseAddress = _wpp.BaseUrl };
        var token = JsonDocument.Parse(await (await http.PostAsync($"api/{_wpp.Session}/{_wpp.SecretKey}/generate-token", null, Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        var example = OpenApiDocument.Fixture("wppconnect", "examples-legacy-2021", "generate-token.json");
        token.EnumerateObject().Select(p => p.Name).ShouldBe(example.EnumerateObject().Select(p => p.Name), ignoreOrder: true);

        var phone = _wpp.Phone("+351915211836", "João");
        await phone.SendTextAsync("Olá");
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());

        var messages = JsonDocument.Parse(await http.GetStringAsync($"api/{_wpp.Session}/get-messages/{phone.ChatId}", Ct)).RootElement;
        var legacyMessages = OpenApiDocument.Fixture("wppconnect", "examples-legacy-2021", "all-messages-in-chat.json");
        AssertSameShape(messages.GetProperty("response")[0], legacyMessages.GetProperty("response")[0],
            ["id", "body", "type", "t", "notifyName", "from", "to", "self", "ack", "chatId", "fromMe", "sender", "timestamp", "content", "isGroupMsg", "isMedia"]);
        AssertSameShape(messages.GetProperty("response")[0].GetProperty("sender"), legacyMessages.GetProperty("response")[0].GetProperty("sender"),
            ["id", "type", "formattedName", "isMe", "isMyContact", "isUser", "isWAContact"]);

        using var exactJson = new StringContent("{}");
        exactJson.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var chats = JsonDocument.Parse(await (await http.PostAsync($"api/{_wpp.Session}/list-chats", exactJson, Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        chats.ValueKind.ShouldBe(JsonValueKind.Array);
        var legacyChat = OpenApiDocument.Fixture("wppconnect", "examples-legacy-2021", "all-chats.json").GetProperty("response")[0];
        AssertSameShape(chats[0], legacyChat, ["id", "t", "unreadCount", "archive", "isReadOnly", "muteExpiration", "name", "notSpam", "pin", "kind", "isGroup", "isUser", "contact", "presence"]);

        // src/index.ts adds "session" to object answers when the request said exactly application/json.
        using var exactStart = new StringContent("{}");
        exactStart.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var started = JsonDocument.Parse(await (await http.PostAsync($"api/{_wpp.Session}/start-session", exactStart, Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        started.GetProperty("session").GetString().ShouldBe(_wpp.Session);

        var number = JsonDocument.Parse(await http.GetStringAsync($"api/{_wpp.Session}/check-number-status/351915211836", Ct)).RootElement;
        var legacyNumber = OpenApiDocument.Fixture("wppconnect", "examples-legacy-2021", "check-number-status.json");
        number.GetProperty("response").EnumerateObject().Select(p => p.Name)
            .ShouldBe(legacyNumber.GetProperty("response").EnumerateObject().Select(p => p.Name), ignoreOrder: true);
    }

    private static void AssertSameShape(JsonElement actual, JsonElement example, string[] keys)
    {
        foreach (var key in keys)
        {
            example.TryGetProperty(key, out var e).ShouldBeTrue($"example lacks {key}");
            actual.TryGetProperty(key, out var a).ShouldBeTrue($"fake lacks {key}");
            OpenApiDocument.JsonType(a).ShouldBe(OpenApiDocument.JsonType(e), key);
        }
    }
}
