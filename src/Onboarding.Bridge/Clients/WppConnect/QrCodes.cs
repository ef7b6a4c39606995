using System.Buffers.Text;

namespace Onboarding.Bridge.Clients.WppConnect;

/// <summary>
/// The session's QR code as the console shows it: a <c>data:image/png;base64,</c> URI. WPPConnect Server gives it that
/// way from <c>status-session</c> but strips the prefix in the <c>qrcode</c> webhook (2.10.4,
/// src/util/createSessionUtil.ts <c>exportQR</c>: <c>qrCode.replace('data:image/png;base64,', '')</c>).
/// </summary>
public static class QrCodes
{
    public const string PngPrefix = "data:image/png;base64,";

    /// <summary>The value as a data URI, or null when it is neither an image data URI nor base64.</summary>
    public static string? AsDataUri(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.StartsWith("data:image/", StringComparison.Ordinal))
        {
            return value;
        }

        return Base64.IsValid(value) ? PngPrefix + value : null;
    }
}
