using System.Net;
using System.Net.Http.Headers;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// Adds <c>Authorization: Bearer</c> and, when the server answers with one of its two auth-failure bodies, renews the
/// token and repeats the request once. Other 401s (get-messages errors, send-file without a file) are passed on:
/// they are not about the token, and the request was rejected before doing anything, so repeating is safe.
/// </summary>
public sealed class WppConnectAuthHandler(WppConnectTokenSource tokens) : DelegatingHandler
{
    private static readonly string[] AuthFailures =
    [
        "Token is not present",
        "Check that the Session and Token are correct",
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        if (request.Content is not null)
        {
            // Buffered so the body can be sent a second time after a renewal.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        SetBearer(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !tokens.CanRenew
            || !await IsAuthFailureAsync(response, cancellationToken))
        {
            return response;
        }

        var renewed = await tokens.RenewAsync(token, cancellationToken);
        if (renewed is null || renewed == token)
        {
            return response;
        }

        response.Dispose();
        SetBearer(request, renewed);
        return await base.SendAsync(request, cancellationToken);
    }

    private static void SetBearer(HttpRequestMessage request, string? token) =>
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    private static async Task<bool> IsAuthFailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return AuthFailures.Any(f => body.Contains(f, StringComparison.Ordinal));
    }
}
