using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Bridge.Inbound.Intake;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=hex(HMAC_SHA256(app secret, raw body))</c>
/// (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads), compared in constant time
/// as Typebot does (packages/whatsapp/src/verifyWhatsAppWebhookSignature.ts).
/// </summary>
public static class CloudApiSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Sign(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static bool Verify(string appSecret, string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(header.AsSpan(Prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
