using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Onboarding.EndToEnd.Tests.Bot;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// What the roles mean (docs/0013): <c>api</c> serves the public API, the webhooks and <c>/media</c> and runs no worker
/// or job; <c>bridge</c> runs them and answers only health and metrics.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class RoleTests(ComposeFixture compose) : BotContext(compose)
{
    [Fact]
    public async Task An_api_replica_boots_without_the_upstream_settings_and_runs_no_worker_or_job()
    {
        var (host, url, failure) = compose.Boot(ComposeFixture.ComposeText, new Dictionary<string, string> { ["ONBOARDING_ROLES"] = "api" },
            ["WppConnect:BaseUrl", "WppConnect:SecretKey", "Chatwoot:BaseUrl", "Chatwoot:ApiToken", "Chatwoot:AccountId", "Chatwoot:InboxId", "Typebot:BaseUrl"]);
        failure.ShouldBeNull();
        await using var _ = host!;

        host!.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ShouldNotContain(n => n.Contains("BridgePump", StringComparison.Ordinal) || n.Contains("Quartz", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drivers");
        request.Headers.Add("X-Api-Key", compose.StaffApiKey);
        (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsync("/webhooks/wppconnect/wrong-token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bridge_replica_answers_only_health_and_metrics()
    {
        var (host, url, failure) = compose.Boot(ComposeFixture.ComposeText, new Dictionary<string, string> { ["ONBOARDING_ROLES"] = "bridge" });
        failure.ShouldBeNull();
        await using var _ = host!;
        using var http = new HttpClient { BaseAddress = url };
        var ct = TestContext.Current.CancellationToken;

        (await http.GetAsync("/health/live", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/metrics", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { "/api/drivers", "/console", "/swagger/v1/swagger.json", "/media/x?exp=1&sig=00" })
        {
            (await http.GetAsync(path, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await http.PostAsync("/webhooks/chatwoot", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.PostAsync("/register_driver_typebot", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
