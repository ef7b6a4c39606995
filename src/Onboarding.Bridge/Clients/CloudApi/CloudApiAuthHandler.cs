using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>Adds the system user's token as a bearer token to Graph API calls.</summary>
public sealed class CloudApiAuthHandler(IOptions<CloudApiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
