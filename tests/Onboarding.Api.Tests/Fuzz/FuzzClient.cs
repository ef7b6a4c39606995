using Alba;
using Onboarding.Api.Tests.Infrastructure;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>Sends a <see cref="FuzzRequest"/> exactly as generated, with the body size limit Kestrel would enforce.</summary>
public static class FuzzClient
{
    /// <summary>Status 599 stands for an exception that escaped the host's own error handling.</summary>
    public const int EscapedException = 599;

    public static async Task<RawResponse> SendAsync(IAlbaHost host, FuzzRequest request)
    {
        try
        {
            return await host.SendRawAsync(request.Method, request.Path, request.Query, request.Body, request.Headers, request.Chunked);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RawResponse(EscapedException, null, e.ToString());
        }
    }
}
