using System.Text.RegularExpressions;

namespace Onboarding.Api.Flows.Check;

/// <summary>
/// Recognises credentials pasted into a flow: an auth scheme with a value (<c>Bearer …</c>), a literal value under
/// a credential-like name (<c>api_key=</c>, <c>Authorization</c>), or a long random-looking string. Placeholders
/// (<c>{{variable}}</c>, <c>__NAME__</c>) are filled in outside the file and never count.
/// </summary>
internal static partial class Credentials
{
    private const int MinRandomLength = 20;
    private const int MinDistinctCharacters = 10;

    private static readonly string[] SensitiveNameParts = ["auth", "token", "secret", "password", "passwd", "apikey", "api_key", "signature", "credential"];

    [GeneratedRegex(@"\{\{[^{}]*\}\}|__[A-Z0-9_]+__")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?<scheme>bearer|basic|token|digest)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"[A-Za-z0-9_\-+/=.~]{20,}")]
    private static partial Regex LongToken();

    /// <summary>Why the value under <paramref name="name"/> looks like a credential, or null.</summary>
    public static string? Reason(string name, string value)
    {
        var literal = Placeholder().Replace(value, "").Trim();
        var scheme = Scheme().Match(literal);
        var rest = scheme.Success ? literal[scheme.Length..].Trim() : literal;
        if (rest.Length == 0)
        {
            return null;
        }

        if (scheme.Success)
        {
            return $"a literal {scheme.Groups["scheme"].Value} credential";
        }

        if (IsSensitiveName(name) || name.Equals("key", StringComparison.OrdinalIgnoreCase))
        {
            return "a literal value under a credential name";
        }

        return LongToken().Matches(rest).Any(m => LooksRandom(m.Value)) ? "a long random-looking string" : null;
    }

    /// <summary>Enough of a value to find it, not enough to use it.</summary>
    public static string Mask(string value) => value.Length <= 8 ? "…" : value[..4] + "…";

    private static bool IsSensitiveName(string name)
    {
        var normalised = name.Trim().ToLowerInvariant().Replace('-', '_');
        return SensitiveNameParts.Any(normalised.Contains) || normalised.EndsWith("_key", StringComparison.Ordinal);
    }

    private static bool LooksRandom(string token) =>
        token.Length >= MinRandomLength && token.Any(char.IsLetter) && token.Any(char.IsDigit) && token.Distinct().Count() >= MinDistinctCharacters;
}
