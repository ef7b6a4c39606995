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
}
