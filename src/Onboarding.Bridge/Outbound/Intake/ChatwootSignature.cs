using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Bridge.Outbound.Intake;

/// <summary>
/// Chatwoot's webhook signature: <c>X-Chatwoot-Signature: sha256=hex(HMAC_SHA256(secret, "{timestamp}.{raw body}"))</c>
/// with <c>X-Chatwoot-Timestamp</c> in Unix seconds.
/// </summary>
public static class ChatwootSignature
{
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>
    /// True when both headers are there and the timestamp is within <paramref name="window"/> of now: checked before the
    /// body is read, so an anonymous post costs no more than its headers.
    /// </summary>
    public static bool Fresh(string? timestampHeader, string? signatureHeader, DateTimeOffset now, TimeSpan window) =>
        !string.IsNullOrEmpty(signatureHeader)
        && long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
        && Math.Abs(now.ToUnixTimeSeconds() - timestamp) <= window.TotalSeconds;

    /// <summary>True when the signature matches and the timestamp is within <paramref name="window"/> of now.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > window.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var presented = Encoding.ASCII.GetBytes(signatureHeader.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
