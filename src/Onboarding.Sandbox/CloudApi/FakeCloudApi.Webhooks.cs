using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// Webhook delivery as the Graph API does it (developers.facebook.com/docs/graph-api/webhooks/getting-started,
/// "Event Notifications"): a POST signed <c>X-Hub-Signature-256: sha256={HMAC-SHA256 of the payload with the app
/// secret}</c>; any answer other than 200 (or none) is retried "with decreasing frequency", so a notification arrives
/// at least once and sometimes twice; each status is its own notification, so they may arrive out of order.
/// </summary>
public sealed partial class FakeCloudApi
{
    private static readonly JsonSerializerOptions MetaJson = new() { Encoder = JavaScriptEncoder.Default };

    private static readonly IReadOnlyDictionary<string, string> MetaHeaders =
        new Dictionary<string, string> { ["User-Agent"] = "facebookexternalua" };

    /// <summary>
    /// The app dashboard's "Verify and save": a GET with <c>hub.mode=subscribe</c>, <c>hub.challenge</c> and
    /// <c>hub.verify_token</c>; the callback passes when it answers 200 with the challenge as its whole body.
    /// </summary>
    public async Task<bool> VerifyCallbackAsync(string verifyToken, CancellationToken ct = default)
    {
        var challenge = RandomText(10, "0123456789");
        var url = new UriBuilder(_options.WebhookUrl!)
        {
            Query = $"hub.mode=subscribe&hub.challenge={challenge}&hub.verify_token={Uri.EscapeDataString(verifyToken)}",
        }.Uri;
        using var response = await LinkClient.GetAsync(url, ct);
        return response.StatusCode == System.Net.HttpStatusCode.OK && await response.Content.ReadAsStringAsync(ct) == challenge;
    }

    /// <summary>The signature header Meta adds: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body.</summary>
    public static string Signature(string appSecret, string rawBody) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(rawBody)));

    internal Task<WebhookDelivery?> PostInboundAsync(CloudPhone phone, CloudMessage message)
    {
        var value = CloudShapes.Value(_options);
        value["contacts"] = new JsonArray(new JsonObject
        {
            ["profile"] = new JsonObject { ["name"] = phone.ProfileName ?? "" },
            ["wa_id"] = phone.WaId,
        });
        value["messages"] = new JsonArray(CloudShapes.Inbound(message, _options.DisplayPhoneNumber));
        return PostWebhookAsync("messages", value);
    }

    internal async Task PostStatusAsync(CloudMessage message, string status)
    {
        var at = Now();
        var jitter = _options.StatusJitter * NextRandom();
        if (jitter > TimeSpan.Zero)
        {
            await Task.Delay(jitter);
        }

        var value = CloudShapes.Value(_options);
        value["statuses"] = new JsonArray(CloudShapes.Status(message, status, at, ChatOf(message.WaId).ConversationId));
        await PostWebhookAsync("statuses", value);
    }

    /// <summary>
    /// The first attempt is awaited (so a test sees it); retries and duplicates run in the background. The body is
    /// serialised as Meta serialises it, <c>\/</c> and <c>\uXXXX</c> escapes included, so a receiver that checks the
    /// signature over re-serialised JSON instead of the raw bytes fails here as it would in production.
    /// </summary>
    private async Task<WebhookDelivery?> PostWebhookAsync(string eventName, JsonObject value)
    {
        var body = CloudShapes.Envelope(_options, value).ToJsonString(MetaJson).Replace("/", "\\/", StringComparison.Ordinal);
        var url = _options.WebhookUrl;
        if (url is null)
        {
            return _webhooks.Skip(null, eventName, "no webhook URL configured", body);
        }

        var headers = new Dictionary<string, string>(MetaHeaders) { ["X-Hub-Signature-256"] = Signature(_options.AppSecret, body) };
        var first = Faults.ShouldDropWebhook()
            ? _webhooks.Skip(url, eventName, "dropped (lost on the way, retried)", body)
            : await _webhooks.PostAsync(url, eventName, body, headers, _options.WebhookTimeout);
        if (first.StatusCode != 200)
        {
            Track(RetryAsync(url, eventName, body, headers));
        }
        else if (NextRandom() < _options.DuplicateRate)
        {
            Track(_webhooks.PostAsync(url, eventName, body, headers, _options.WebhookTimeout));
        }

        return first;
    }

    private async Task RetryAsync(Uri url, string eventName, string body, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var delay in _options.WebhookRetryDelays)
        {
            try
            {
                // Timers run on a coarse clock and may fire a tick early (Linux: CLOCK_MONOTONIC_COARSE); wait out the
                // rest, so that no retry comes before its step of the schedule.
                var waited = Stopwatch.StartNew();
                do
                {
                    await Task.Delay(delay - waited.Elapsed + TimeSpan.FromMilliseconds(1), _stopping.Token);
                }
                while (waited.Elapsed < delay);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var attempt = await _webhooks.PostAsync(url, eventName, body, headers, _options.WebhookTimeout);
            if (attempt.StatusCode == 200)
            {
                return;
            }
        }
    }
}
