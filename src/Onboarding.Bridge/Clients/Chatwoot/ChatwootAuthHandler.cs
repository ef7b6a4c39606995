using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// Adds the access token. Sent as <c>Api-Access-Token</c>: Rails reads it as <c>api_access_token</c>, and nginx drops
/// header names with underscores unless told otherwise.
/// </summary>
public sealed class ChatwootAuthHandler(IOptions<ChatwootOptions> options) : DelegatingHandler
{
    public const string HeaderName = "Api-Access-Token";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, options.Value.ApiToken);
        return base.SendAsync(request, cancellationToken);
    }
}
