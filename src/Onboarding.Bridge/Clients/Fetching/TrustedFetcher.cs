using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Clients.Fetching;

/// <summary>A fetched file, or the status of an answer that was not one.</summary>
public sealed record FetchedFile(HttpStatusCode Status, byte[]? Bytes, string? ContentType)
{
    public bool Succeeded => Bytes is not null;
}

/// <summary>
/// The one way the bridge fetches a file by URL (agents' attachments, bot media): only from <see cref="TrustedOrigins"/>,
/// redirects followed by hand and only to those origins (Chatwoot's <c>data_url</c> redirects to its storage), private
/// addresses refused for any other host at connect time, a size cap and a timeout (docs/0018).
/// </summary>
public sealed class TrustedFetcher(IHttpClientFactory clients, TrustedOrigins origins, IOptions<BridgeOptions> options)
{
    public const string ClientName = "outbox-files";
    private const int MaxRedirects = 5;

    /// <summary>
    /// The file at <paramref name="url"/>. <paramref name="authorization"/> (the Cloud API's bearer token for a media URL)
    /// goes only to the first URL's origin, never to a host a redirect leads to.
    /// </summary>
    public async Task<FetchedFile> GetAsync(Uri url, CancellationToken ct, AuthenticationHeaderValue? authorization = null)
    {
        var max = options.Value.MaxFetchBytes;
        var origin = url.GetLeftPart(UriPartial.Authority);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!origins.Allows(url))
            {
                throw new RefusedFetchException(hop == 0
                    ? "the file's address is not a configured origin (Chatwoot:BaseUrl, Chatwoot:PublicUrl, Chatwoot:StorageHosts, Typebot:MediaHosts)"
                    : "the file's address redirected to a host that is not a configured origin");
            }

            using var http = clients.CreateClient(ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (authorization is not null && string.Equals(url.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = authorization;
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FetchedFile(response.StatusCode, null, null);
            }

            if (response.Content.Headers.ContentLength > max)
            {
                throw TooLarge(max);
            }

            var bytes = await ReadBoundedAsync(response.Content, max, ct);
            return new FetchedFile(response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType);
        }

        throw new RefusedFetchException($"the file's address redirected more than {MaxRedirects} times");
    }

    /// <summary>The named client: no automatic redirect, no proxy, the guarded connect and the configured timeout.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<TrustedOrigins>();
        services.AddSingleton<TrustedFetcher>();
        services.AddHttpClient(ClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.FetchTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = GuardedConnect(sp.GetRequiredService<TrustedOrigins>()),
            });
    }

    /// <summary>
    /// Resolves the host once and connects only to the addresses checked here, so a DNS answer that changes between the
    /// check and the connection (rebinding) cannot reach a private address: those are allowed only for configured hosts.
    /// </summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> GuardedConnect(TrustedOrigins origins) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = origins.IsConfiguredHost(host) ? addresses : addresses.Where(a => !PrivateAddresses.Contains(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new RefusedFetchException("the file's host resolves to a private, loopback or link-local address");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, long max, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static RefusedFetchException TooLarge(long max) => new($"the file is larger than {max / (1024 * 1024)} MB (Bridge:MaxFetchBytes)");
}
