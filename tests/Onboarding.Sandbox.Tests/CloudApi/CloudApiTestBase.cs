using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Sandbox.Tests.CloudApi;

/// <summary>A fresh fake per test, its webhooks going to a <see cref="CallbackServer"/>, and a Graph client.</summary>
public abstract class CloudApiTestBase : IAsyncLifetime
{
    protected const string Driver = "351915211836";

    private HttpClient _http = null!;

    protected FakeCloudApi Api { get; private set; } = null!;

    protected CallbackServer Callback { get; private set; } = null!;

    protected MovableClock Clock { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual void Configure(FakeCloudApiOptions options)
    {
    }

    public async ValueTask InitializeAsync()
    {
        Callback = await CallbackServer.StartAsync();
        var options = new FakeCloudApiOptions
        {
            WebhookUrl = Callback.Url,
            Clock = Clock,
            StatusJitter = TimeSpan.Zero,
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
            Templates =
            [
                new FakeCloudTemplate("status_update", "pt_PT", BodyParameters: 2) { Body = "Olá {{1}}, o estado da sua candidatura é {{2}}." },
                new FakeCloudTemplate("document_reminder", "pt_PT", BodyParameters: 1),
            ],
        };
        Configure(options);
        Api = await FakeCloudApi.StartAsync(options, Ct);
        _http = new HttpClient { BaseAddress = Api.BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Api.DisposeAsync();
        await Callback.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected string MessagesPath => $"{Api.GraphApiVersion}/{Api.PhoneNumberId}/messages";

    protected Task<(int Status, JsonObject Body)> PostMessageAsync(JsonObject body) => SendAsync(HttpMethod.Post, MessagesPath, body, Api.AccessToken);

    protected async Task<(int Status, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonObject? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? [] : (JsonObject)JsonNode.Parse(text)!);
    }

    protected async Task<HttpResponseMessage> RawAsync(HttpRequestMessage request) => await _http.SendAsync(request, Ct);

    protected static JsonObject Text(string to, string body) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = body },
    };

    protected static JsonObject Message(string type, JsonNode content, string to = "+" + Driver) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["to"] = to,
        ["type"] = type,
        [type] = content,
    };

    protected static string Wamid(JsonObject response) => (string)response["messages"]![0]!["id"]!;

    protected static int ErrorCode(JsonObject response) => (int)response["error"]!["code"]!;

    protected static string? ErrorDetails(JsonObject response) => (string?)response["error"]!["error_data"]?["details"];

    /// <summary>Waits for the status webhook of a message to arrive at the callback.</summary>
    protected async Task<JsonObject> StatusAsync(string wamid, string status)
    {
        await Onboarding.Tests.Shared.Eventually.TrueAsync(() => Callback.Statuses(wamid).Any(s => (string?)s["status"] == status), $"{status} status of {wamid}");
        return Callback.Statuses(wamid).First(s => (string?)s["status"] == status);
    }

    /// <summary>The driver writes first, so the window is open.</summary>
    protected Task OpenWindowAsync(string text = "olá") => Api.Phone(Driver, "Maria").SendTextAsync(text);
}
