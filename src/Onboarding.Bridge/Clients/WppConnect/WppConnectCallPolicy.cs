using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// Which WPPConnect calls may be repeated: reads, session calls (idempotent: a running session ignores start-session),
/// list-chats (a POST that reads) and typing. Never a send: a repeated send is a second WhatsApp message.
/// </summary>
public sealed class WppConnectCallPolicy : IUpstreamCallPolicy
{
    private static readonly string[] SafePosts = ["/start-session", "/list-chats", "/typing", "/download-media", "/generate-token"];

    public bool IsRetrySafe(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || (request.Method == HttpMethod.Post && EndsWithAny(request, SafePosts));

    /// <summary>Sends wait for WhatsApp's ACK; media downloads decrypt whole files.</summary>
    public bool IsSlow(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        return path.Contains("/send-", StringComparison.Ordinal)
            || path.EndsWith("/contact-vcard", StringComparison.Ordinal)
            || path.Contains("/get-media-by-message/", StringComparison.Ordinal)
            || path.EndsWith("/download-media", StringComparison.Ordinal);
    }

    private static bool EndsWithAny(HttpRequestMessage request, string[] suffixes)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        return suffixes.Any(s => path.EndsWith(s, StringComparison.Ordinal));
    }
}
