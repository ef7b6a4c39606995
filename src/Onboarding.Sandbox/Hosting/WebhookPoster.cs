using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Onboarding.Sandbox.Hosting;

/// <summary>One webhook POST made by a fake and what came of it.</summary>
public sealed record WebhookDelivery(
    string Event, Uri Url, int? StatusCode, string? Error, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Posts a fake's webhooks through one shared connection pool, once, with a timeout, and keeps every attempt in
/// order for inspection. Delivery is never retried: neither upstream retries.
/// </summary>
public sealed class WebhookPoster
{
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 256,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();

    public IReadOnlyList<WebhookDelivery> Deliveries => _deliveries.ToArray();

    public async Task<WebhookDelivery> PostAsync(
        Uri url, string eventName, string jsonBody, IReadOnlyDictionary<string, string> headers, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(jsonBody, System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        WebhookDelivery delivery;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            using var response = await SharedClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            delivery = new WebhookDelivery(eventName, url, (int)response.StatusCode, null, DateTimeOffset.UtcNow, headers, jsonBody);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            delivery = new WebhookDelivery(eventName, url, null, e is OperationCanceledException ? "timeout" : e.Message,
                DateTimeOffset.UtcNow, headers, jsonBody);
        }

        _deliveries.Enqueue(delivery);
        return delivery;
    }

    /// <summary>Records a delivery that was not attempted (dropped by a fault, no URL configured).</summary>
    public WebhookDelivery Skip(Uri? url, string eventName, string reason, string jsonBody)
    {
        var delivery = new WebhookDelivery(eventName, url ?? new Uri("about:blank"), null, reason, DateTimeOffset.UtcNow,
            new Dictionary<string, string>(), jsonBody);
        _deliveries.Enqueue(delivery);
        return delivery;
    }
}
