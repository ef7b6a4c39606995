using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Bot.Media;

/// <summary>
/// Expiring, HMAC-signed links to a WhatsApp message's file, served by our media route, so Typebot can fetch a file a
/// driver sent without any credential and without the link working forever.
/// </summary>
public sealed class MediaLinks(IOptions<BridgeOptions> options, TimeProvider clock)
{
    public const string RoutePrefix = "media/";

    public bool CanSign => options.Value.PublicUrl is not null && options.Value.MediaSigningKey.Length >= BridgeOptions.MinimumKeyLength;

    /// <summary>The link, e.g. <c>https://onboarding.example.pt/media/{id}?exp=…&amp;sig=…</c>.</summary>
    public Uri Sign(string waMessageId)
    {
        var expires = clock.GetUtcNow().Add(options.Value.MediaLinkLifetime).ToUnixTimeSeconds();
        var id = Uri.EscapeDataString(waMessageId);
        return new Uri(options.Value.PublicUrl!, $"{RoutePrefix}{id}?exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(waMessageId, expires)}");
    }

    /// <summary>True when the signature matches and the link has not expired.</summary>
    public bool Verify(string waMessageId, string? expires, string? signature)
    {
        if (options.Value.MediaSigningKey.Length < BridgeOptions.MinimumKeyLength || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            || signature is null || exp < clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(waMessageId, exp));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Signature(string waMessageId, long expires)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.MediaSigningKey),
            Encoding.UTF8.GetBytes(waMessageId + "\n" + expires.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(mac);
    }
}
