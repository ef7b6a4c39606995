using System.Collections.Frozen;

namespace Onboarding.Data.Portugal;

/// <summary>
/// IBAN: ISO 13616 mod-97 for every SEPA country (SEPA Regulation 260/2012 art. 9 forbids refusing them), plus the
/// Portuguese rules (PT50, 25 characters, NIB mod 97 == 1). Canonical form: uppercase, no spaces (domain-pt.md §4).
/// </summary>
public static class Iban
{
    /// <summary>IBAN length per country: EU/EEA + CH, GB, MC, SM, VA, AD, GI and the 2024–25 SEPA joiners.</summary>
    public static readonly FrozenDictionary<string, int> CountryLengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AL"] = 28, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23,
        ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Parses "PT50 0002 0123 1234 5678 9015 4" (also "IBAN: pt50-...") into "PT50000201231234567890154".</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail("iban.required", "Indique o seu IBAN.");
        }

        s = TypebotInput.Remove(s, TypebotInput.IsSeparator).ToUpperInvariant();
        if (s.StartsWith("IBAN", StringComparison.Ordinal))
        {
            s = s[4..].TrimStart(':');
        }

        if (s.Length < 15 || s.Length > 34
            || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[1])
            || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3])
            || !s.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return Fail("iban.format", "O IBAN não é válido. Deve começar pelo código do país, por exemplo PT50.");
        }

        var country = s[..2];
        if (!CountryLengths.TryGetValue(country, out var length))
        {
            return Fail(
                "iban.country_unsupported",
                "Só aceitamos IBAN de contas da zona SEPA (Portugal e restante Europa).");
        }

        if (s.Length != length)
        {
            return Fail(
                "iban.country_length",
                country == "PT"
                    ? "O IBAN português deve ter 25 caracteres (PT50 seguido de 21 algarismos)."
                    : $"Um IBAN de {country} deve ter {length} caracteres.");
        }

        if (country == "PT" && !s.AsSpan(2).ContainsAnyExcept("0123456789"))
        {
            if (!s.StartsWith("PT50", StringComparison.Ordinal) || Mod97(s.AsSpan(4)) != 1 || !IsValidChecksum(s))
            {
                return Checksum();
            }

            return Parsed<string>.Success(s);
        }

        if (country == "PT")
        {
            return Fail("iban.format", "O IBAN português tem apenas algarismos depois de PT.");
        }

        return IsValidChecksum(s) ? Parsed<string>.Success(s) : Checksum();
    }

    /// <summary>ISO 7064 MOD 97-10 over an uppercase IBAN without spaces.</summary>
    public static bool IsValidChecksum(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        if (iban.Length < 5)
        {
            return false;
        }

        var rearranged = string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4));
        return Mod97(rearranged) == 1;
    }

    /// <summary>"PT50000201231234567890154" → "PT50 0002 0123 1234 5678 9015 4".</summary>
    public static string Display(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>Piecewise mod 97 where letters count as 10..35; -1 for any other character.</summary>
    private static int Mod97(ReadOnlySpan<char> s)
    {
        var r = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                r = ((r * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                r = ((r * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return -1;
            }
        }

        return r;
    }

    private static Parsed<string> Checksum() =>
        Fail("iban.checksum", "O IBAN não é válido. Verifique os algarismos, por favor.");

    private static Parsed<string> Fail(string code, string message) => Parsed<string>.Fail(code, message);
}
