using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Polly;
using Refit;

namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// The published onboarding bot through Typebot's chat API. Failures throw <see cref="UpstreamException"/>; a session
/// that Typebot no longer knows (ended, expired or cleaned up) is a null turn, so the caller can start a new one.
/// </summary>
public sealed class TypebotClient(ITypebotApi api, IOptions<TypebotOptions> options)
{
    private const string Api = "Typebot";

    /// <summary>Starts a session of the configured bot with rich-text bubbles. Not retried: a repeat is a second session.</summary>
    public Task<TypebotTurn> StartChatAsync(IReadOnlyDictionary<string, string> prefilledVariables, CancellationToken ct = default) =>
        StartChatAsync(options.Value.PublicId, prefilledVariables, ct);

    /// <summary>Starts the published bot <paramref name="publicId"/> (one flow per language).</summary>
    public async Task<TypebotTurn> StartChatAsync(string publicId, IReadOnlyDictionary<string, string> prefilledVariables, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prefilledVariables);
        var body = new TypebotStartChatRequest(prefilledVariables);
        using var response = await CallAsync(() => api.StartChatAsync(publicId, body, ct), "startChat", ct);
        return Ensure(response, "startChat");
    }

    /// <summary>
    /// Answers the input the session waits on; null when Typebot answers 404 (session not found or expired). Not
    /// retried: a repeated answer would be taken as the answer to the next question.
    /// </summary>
    public async Task<TypebotTurn?> ContinueChatAsync(string sessionId, TypebotAnswer answer, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(answer);
        var body = TypebotContinueChatRequest.From(answer);
        using var response = await CallAsync(() => api.ContinueChatAsync(sessionId, body, ct), "continueChat", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : Ensure(response, "continueChat");
    }

    private static async Task<IApiResponse<T>> CallAsync<T>(Func<Task<IApiResponse<T>>> call, string route, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!ct.IsCancellationRequested
            && e is HttpRequestException or ExecutionRejectedException or OperationCanceledException or IOException)
        {
            // Connection refused or dropped, attempt timeout, open circuit, rate limiter.
            throw new UpstreamException(Api, $"{route} got no answer: {e.GetType().Name}", statusCode: null, isTransient: true, inner: e);
        }
    }

    private static T Ensure<T>(IApiResponse<T> response, string route)
    {
        if (response.HasRequestError(out var requestError))
        {
            throw new UpstreamException(Api, $"{route} got no answer: {requestError.InnerException?.GetType().Name}",
                statusCode: null, isTransient: true, inner: requestError);
        }

        if (response.IsSuccessStatusCode)
        {
            return response.Content ?? throw new UpstreamException(
                Api, $"{route} answered HTTP {(int?)response.StatusCode} with an unreadable body", response.StatusCode, false,
                inner: response.Error);
        }

        var status = response.StatusCode ?? HttpStatusCode.InternalServerError;
        var detail = ErrorMessage(response);
        throw new UpstreamException(Api, $"{route} failed with HTTP {(int)status}{(detail is null ? "" : ": " + detail)}",
            status, UpstreamException.IsTransientStatus(status), RetryAfterReader.Read(response.Headers));
    }

    /// <summary>The <c>message</c> of an oRPC (<c>{"defined","code","status","message"}</c>) or tRPC error body.</summary>
    private static string? ErrorMessage(IApiResponse response)
    {
        if (!response.HasResponseError(out var error) || string.IsNullOrWhiteSpace(error.Content))
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(error.Content);
            return body.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? Shorten(message.GetString())
                : Shorten(error.Content);
        }
        catch (JsonException)
        {
            return Shorten(error.Content);
        }
    }

    private static string? Shorten(string? text) => text is null ? null : text.Trim() is { Length: > 200 } t ? t[..200] : text.Trim();
}
