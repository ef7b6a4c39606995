using System.Net;
using System.Text.RegularExpressions;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>
/// The checks of validator.js <c>isURL</c> as Typebot configures it: http or https only, protocol optional, a
/// host with a top-level domain (unless disabled) or an IP address, no whitespace.
/// </summary>
public static partial class UrlValidator
{
    [GeneratedRegex(@"^([a-z\u00a1-\uffff0-9-]+\.)+([a-z\u00a1-\uffff]{2,}|xn--[a-z0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HostWithTld();

    [GeneratedRegex(@"^[a-z\u00a1-\uffff0-9-]+(\.[a-z\u00a1-\uffff0-9-]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex HostWithoutTld();

    public static bool IsUrl(string text, bool requireProtocol, bool requireTld = true)
    {
        if (string.IsNullOrEmpty(text) || text.Length >= 2083 || text.Any(char.IsWhiteSpace) || text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 && requireProtocol)
        {
            return false;
        }

        if (schemeEnd >= 0)
        {
            var scheme = text[..schemeEnd].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                return false;
            }
        }

        if (!Uri.TryCreate(schemeEnd >= 0 ? text : "http://" + text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out _))
        {
            return true;
        }

        return requireTld ? HostWithTld().IsMatch(host) : HostWithoutTld().IsMatch(host);
    }
}
