using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Clients.Fetching;

/// <summary>
/// The origins (scheme, host, port) the bridge may fetch files from: Chatwoot's <c>BaseUrl</c> and <c>PublicUrl</c>,
/// <c>Chatwoot:StorageHosts</c> (where its attachment links redirect), Typebot's <c>BaseUrl</c> and
/// <c>Typebot:MediaHosts</c> (bot media), and with the Cloud API its base URL and <c>WhatsApp:CloudApi:MediaHosts</c>. An entry without a scheme means https on its default port.
/// </summary>
public sealed class TrustedOrigins
{
    private readonly HashSet<string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public TrustedOrigins(IOptions<ChatwootOptions> chatwoot, IOptions<TypebotOptions> typebot, IOptions<WhatsAppOptions> whatsApp,
        IOptions<CloudApiOptions> cloudApi)
        : this([chatwoot.Value.BaseUrl?.AbsoluteUri, chatwoot.Value.PublicUrl?.AbsoluteUri, .. chatwoot.Value.StorageHosts,
            typebot.Value.BaseUrl?.AbsoluteUri, .. typebot.Value.MediaHosts, .. CloudApiOrigins(whatsApp.Value, cloudApi.Value)])
    {
    }

    /// <summary>With the Cloud API, the Graph API and the hosts its media URLs point at (received files).</summary>
    private static IEnumerable<string?> CloudApiOrigins(WhatsAppOptions whatsApp, CloudApiOptions cloudApi) =>
        whatsApp.IsCloudApi ? [cloudApi.BaseUrl?.AbsoluteUri, .. cloudApi.MediaHosts] : [];

    private TrustedOrigins(IEnumerable<string?> entries)
    {
        foreach (var entry in entries)
        {
            if (Parse(entry) is { } uri)
            {
                _origins.Add(Key(uri));
                _hosts.Add(uri.IdnHost);
            }
        }
    }

    /// <summary>Origins from a list of URLs (or bare hosts, meaning https).</summary>
    public static TrustedOrigins Of(IEnumerable<string?> entries) => new(entries);

    /// <summary>True when <paramref name="url"/> is http(s) on a configured origin.</summary>
    public bool Allows(Uri url) => url.IsAbsoluteUri && url.Scheme is "http" or "https" && _origins.Contains(Key(url));

    /// <summary>True when <paramref name="host"/> is the host of a configured origin (it may resolve to a private address).</summary>
    public bool IsConfiguredHost(string host) => _hosts.Contains(host.Trim('[', ']'));

    private static Uri? Parse(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return null;
        }

        var text = entry.Contains("://", StringComparison.Ordinal) ? entry.Trim() : "https://" + entry.Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static string Key(Uri uri) => $"{uri.Scheme}://{uri.IdnHost.Trim('[', ']')}:{uri.Port}";
}
