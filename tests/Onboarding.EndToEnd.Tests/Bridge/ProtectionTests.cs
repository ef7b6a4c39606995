using System.Net;
using System.Text;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>Rate limits per address and per key, and the webhook allow-list, on a replica with tight settings.</summary>
[Collection(BridgeCollection.Name)]
public sealed class ProtectionTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task Anonymous_callers_are_limited_per_address_keys_are_not_and_webhooks_only_come_from_allowed_networks()
    {
        await using var replica = Bridge.StartReplica(new Dictionary<string, string>
        {
            ["Onboarding:Roles"] = "api",
            ["Protection:PermitsPerMinute"] = "3",
            ["Protection:WebhookAllowedNetworks:0"] = "10.0.0.0/8",
        });
        using var http = replica.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var anonymous = await http.GetAsync("/api/drivers", ct);
            statuses.Add(anonymous.StatusCode);
            if (anonymous.StatusCode == HttpStatusCode.TooManyRequests)
            {
                anonymous.Headers.RetryAfter.ShouldNotBeNull();
                (await anonymous.Content.ReadAsStringAsync(ct)).ShouldContain("rate_limited");
            }
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        for (var i = 0; i < 5; i++)
        {
            using var staff = new HttpRequestMessage(HttpMethod.Get, "/api/drivers");
            staff.Headers.Add("X-Api-Key", "e2e-staff-key-0123456789");
            using var answer = await http.SendAsync(staff, ct);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var webhook = await http.PostAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken,
            new StringContent("""{"event":"onmessage"}""", Encoding.UTF8, "application/json"), ct);
        webhook.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await webhook.Content.ReadAsStringAsync(ct)).ShouldContain("webhook.address");
    }

    [Fact]
    public async Task Behind_a_configured_proxy_limits_and_the_allow_list_see_each_client_and_nobody_else_can_claim_an_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string>
        {
            ["Onboarding:Roles"] = "api",
            ["Protection:PermitsPerMinute"] = "2",
            ["Protection:WebhookAllowedNetworks:0"] = "10.0.0.0/8",
        };
        await using (var direct = Bridge.StartReplica(settings))
        {
            // No proxy configured: a forged X-Forwarded-For changes nothing, every caller here is 127.0.0.1.
            using var http = direct.CreateClient();
            (await GetAsAsync(http, "/api/drivers", "203.0.113.1", ct)).ShouldBe(HttpStatusCode.Unauthorized);
            (await GetAsAsync(http, "/api/drivers", "203.0.113.2", ct)).ShouldBe(HttpStatusCode.Unauthorized);
            (await GetAsAsync(http, "/api/drivers", "203.0.113.3", ct)).ShouldBe(HttpStatusCode.TooManyRequests);
            (await PostWebhookAsAsync(http, "10.1.2.3", ct)).ShouldBe(HttpStatusCode.Forbidden);
        }

        settings["Protection:KnownProxies:0"] = "127.0.0.1";
        await using var proxied = Bridge.StartReplica(settings);
        using var client = proxied.CreateClient();
        (await GetAsAsync(client, "/api/drivers", "203.0.113.1", ct)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsAsync(client, "/api/drivers", "203.0.113.1", ct)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsAsync(client, "/api/drivers", "203.0.113.1", ct)).ShouldBe(HttpStatusCode.TooManyRequests);
        (await GetAsAsync(client, "/api/drivers", "203.0.113.2", ct)).ShouldBe(HttpStatusCode.Unauthorized, "another client has its own bucket");
        (await PostWebhookAsAsync(client, "10.1.2.3", ct)).ShouldNotBe(HttpStatusCode.Forbidden);
        (await PostWebhookAsAsync(client, "203.0.113.9", ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_answer_the_internal_scraper_and_never_a_request_that_came_through_a_proxy()
    {
        var ct = TestContext.Current.CancellationToken;
        (await Bridge.Http.GetAsync("/metrics", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsAsync(Bridge.Http, "/metrics", "203.0.113.1", ct)).ShouldBe(HttpStatusCode.NotFound);

        await using var replica = Bridge.StartReplica(new Dictionary<string, string>
        {
            ["Onboarding:Roles"] = "api",
            ["Protection:MetricsAllowedNetworks:0"] = "10.0.0.0/8",
        });
        using var http = replica.CreateClient();
        (await http.GetAsync("/metrics", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "loopback is not in the configured list");
    }

    private static async Task<HttpStatusCode> GetAsAsync(HttpClient http, string path, string forwardedFor, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var answer = await http.SendAsync(request, ct);
        return answer.StatusCode;
    }

    private static async Task<HttpStatusCode> PostWebhookAsAsync(HttpClient http, string forwardedFor, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/wppconnect/" + BridgeFixture.WebhookToken)
        {
            Content = new StringContent("""{"event":"onmessage"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var answer = await http.SendAsync(request, ct);
        return answer.StatusCode;
    }
}
