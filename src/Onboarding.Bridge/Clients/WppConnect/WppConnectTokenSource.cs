using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// Holds the session's bearer token: the pre-issued one, else one generated from the secret key. Tokens never expire,
/// so a new one is generated only when the server rejects the current one.
/// </summary>
public sealed partial class WppConnectTokenSource(
    IHttpClientFactory httpClientFactory, IOptions<WppConnectOptions> options, ILogger<WppConnectTokenSource> logger)
{
    /// <summary>Plain client for <c>generate-token</c>, which takes no bearer.</summary>
    public const string HttpClientName = "WppConnect.Token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token = string.IsNullOrWhiteSpace(options.Value.Token) ? null : options.Value.Token;

    public bool CanRenew => !string.IsNullOrWhiteSpace(options.Value.SecretKey);

    public async ValueTask<string?> GetAsync(CancellationToken ct) =>
        Volatile.Read(ref _token) ?? await RenewAsync(rejected: null, ct);

    /// <summary>Generates a new token unless another caller already replaced <paramref name="rejected"/>.</summary>
    public async Task<string?> RenewAsync(string? rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _token);
            if (current is not null && current != rejected)
            {
                return current;
            }

            if (!CanRenew)
            {
                return current;
            }

            var renewed = await GenerateAsync(ct);
            Volatile.Write(ref _token, renewed);
            LogRenewed(logger, options.Value.Session);
            return renewed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> GenerateAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        var path = $"api/{Uri.EscapeDataString(o.Session)}/{Uri.EscapeDataString(o.SecretKey!)}/generate-token";
        using var response = await client.PostAsync(path, content: null, ct);
        WppTokenResponse? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<WppTokenResponse>(WppConnectJson.Options, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            // A proxy error page: reported below by status.
        }

        if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(body?.Token))
        {
            return body.Token;
        }

        // The 400 body is "The SECRET_KEY is incorrect"; it names no secret, so it is safe to pass on.
        throw new UpstreamException(
            "WPPConnect",
            $"generate-token failed with HTTP {(int)response.StatusCode}: {body?.Message ?? "no token in the answer"}",
            response.StatusCode,
            UpstreamException.IsTransientStatus(response.StatusCode),
            RetryAfterReader.Read(response.Headers));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WPPConnect token generated for session {Session}")]
    private static partial void LogRenewed(ILogger logger, string session);
}
