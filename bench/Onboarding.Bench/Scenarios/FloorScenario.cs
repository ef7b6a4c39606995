using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>
/// The physical floor, measured in the same run: a plain HTTP POST to each fake (one loopback hop and the fake's own
/// handler) and the host's bare round trip and capacity on <c>/health/live</c>. Every later figure is divided by one of these.
/// </summary>
public static class FloorScenario
{
    private const int FloorConversations = 10;

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { Timeout = TimeSpan.FromSeconds(10) };

        // WPPConnect: the typing route (authenticated, live session, recipient lookup) and nothing else.
        var token = rig.Wpp.IssueToken();
        var phone = rig.Wpp.Phone("+351960000001", "Chão");
        var wppUrl = new Uri(rig.Wpp.BaseUrl, $"api/{rig.Wpp.Session}/typing");
        var wpp = await SequentialAsync(plan.FloorSamples, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, wppUrl) { Content = JsonContent.Create(new { phone = phone.Digits, value = true }) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        });
        baselines.WppPost = (wpp.P50, wpp.P99);

        // Chatwoot: creating a message, spread over a few conversations of our own (200 per conversation per minute).
        // Its webhooks are off meanwhile, so the host does no work during the floor.
        var webhook = rig.Chatwoot.WebhookUrl;
        rig.Chatwoot.WebhookUrl = null;
        var conversations = await FloorConversationsAsync(http, rig, ct);
        var n = 0;
        var chatwoot = await SequentialAsync(plan.FloorSamples, async () =>
        {
            var conversation = conversations[n++ % conversations.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rig.Chatwoot.BaseUrl, $"api/v1/accounts/{rig.Chatwoot.AccountId}/conversations/{conversation}/messages"))
            {
                Content = JsonContent.Create(new { content = $"floor {n}", message_type = "incoming" }),
            };
            request.Headers.Add("api_access_token", rig.Chatwoot.ApiToken);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        });
        baselines.ChatwootPost = (chatwoot.P50, chatwoot.P99);
        rig.Chatwoot.WebhookUrl = webhook;

        var live = new Uri(rig.HostUrl, "/health/live");
        var host = await SequentialAsync(plan.FloorSamples, async () =>
        {
            using var response = await rig.Http.GetAsync(live, ct);
            response.EnsureSuccessStatusCode();
        });
        baselines.HostRoundTrip = (host.P50, host.P99);
        var bare = await HostCapacityAsync(rig, 200, TimeSpan.FromSeconds(plan.Quick ? 3 : 5), ct);
        baselines.HostBarePerSecond = bare.PerSecond;

        report.Add(new("floor", "plain POST to fake WPPConnect, p50 / p99", $"{Report.Ms(wpp.P50)} / {Report.Ms(wpp.P99)}", "—", "—", "—", Verdict.None));
        report.Add(new("floor", "plain POST to fake Chatwoot (create message), p50 / p99", $"{Report.Ms(chatwoot.P50)} / {Report.Ms(chatwoot.P99)}", "—", "—", "—", Verdict.None));
        report.Add(new("floor", "host bare round trip (GET /health/live), p50 / p99", $"{Report.Ms(host.P50)} / {Report.Ms(host.P99)}", "—", "—", "—", Verdict.None));
        report.Add(new("floor", "host bare capacity (GET /health/live, 200 clients)", Report.Num(bare.PerSecond, "req/s"), "—", "—", "—", Verdict.None));
    }

    /// <summary><c>GET /health/live</c> as fast as <paramref name="clients"/> clients can: the host's HTTP ceiling with no work behind it.</summary>
    public static Task<ClosedLoopResult> HostCapacityAsync(BridgeRig rig, int clients, TimeSpan window, CancellationToken ct)
    {
        var live = new Uri(rig.HostUrl, "/health/live");
        return ClosedLoop.RunAsync(clients, window, 1_000_000, async (_, _, token) =>
        {
            using var response = await rig.Http.GetAsync(live, token);
            return response.IsSuccessStatusCode;
        }, ct);
    }

    private static async Task<LatencySamples> SequentialAsync(int samples, Func<Task> call)
    {
        // A few unmeasured calls first: connection set-up and the first JIT of each route are not the floor.
        for (var i = 0; i < 20; i++)
        {
            await call();
        }

        var latency = new LatencySamples();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            latency.Add(Stopwatch.GetElapsedTime(started));
        }

        return latency;
    }

    private static async Task<IReadOnlyList<int>> FloorConversationsAsync(HttpClient http, BridgeRig rig, CancellationToken ct)
    {
        var account = new Uri(rig.Chatwoot.BaseUrl, $"api/v1/accounts/{rig.Chatwoot.AccountId}/");
        var ids = new List<int>();
        for (var i = 0; i < FloorConversations; i++)
        {
            var sourceId = $"floor-{i}";
            var contact = await PostAsync(http, rig, new Uri(account, "contacts"), new { name = $"Floor {i}", inbox_id = rig.Chatwoot.InboxId, source_id = sourceId }, ct);
            var contactId = contact["payload"]!["contact"]!["id"]!.GetValue<int>();
            var conversation = await PostAsync(http, rig, new Uri(account, "conversations"), new { source_id = sourceId, inbox_id = rig.Chatwoot.InboxId, contact_id = contactId }, ct);
            ids.Add(conversation["id"]!.GetValue<int>());
        }

        return ids;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, BridgeRig rig, Uri url, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("api_access_token", rig.Chatwoot.ApiToken);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(text)!;
    }
}
