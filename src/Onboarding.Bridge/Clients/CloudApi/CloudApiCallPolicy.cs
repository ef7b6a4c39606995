using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.CloudApi;

/// <summary>Which Cloud API calls may be repeated: reads (a media id's URL, the file). Never a POST: a repeated send is a second message.</summary>
public sealed class CloudApiCallPolicy : IUpstreamCallPolicy
{
    public bool IsRetrySafe(HttpRequestMessage request) => request.Method == HttpMethod.Get;

    /// <summary>Uploads carry whole files.</summary>
    public bool IsSlow(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/media", StringComparison.Ordinal) == true;
}
