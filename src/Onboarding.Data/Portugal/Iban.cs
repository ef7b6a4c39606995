using System.Collections.Frozen;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>
/// IBAN: ISO 13616 mod-97 for every SEPA country (SEPA Regulation 260/2012 art. 9 forbids refusing them), plus the
/// Portuguese rules (PT50, 25 characters, NIB mod 97 == 1). Canonical form: uppercase, no spaces (domain-pt.md §4).
/// </summary>
public static class Iban
{
    /// <summary>IBAN length per country: EU/EEA + CH, GB, MC, SM, VA, AD, GI and the 2024–25 SEPA joiners.</summary>
    public static readonly FrozenDictionary<string, int> CountryLengths =
        ParseLengths(
        "AD24 AL28 AT20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 " +
        "FI18 FR27 GB22 GI23 GR27 HR21 HU28 IE22 IS26 IT27 LI21 LT20 " +
        "LU20 LV21 MC27 MD24 ME22 MK19 MT31 NL18 NO15 PL28 PT25 RO24 " +
        "SE24 SI19 SK24 SM27 VA22");

    /// <summary>Parses "PT50 0002 0123 1234 5678 9015 4" (also "IBAN: pt50-...") into "PT50000201231234567890154".</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.IbanRequired);
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
            return Parsed<string>.Fail(DriverTexts.IbanFormat);
        }

        var country = s[..2];
        if (!CountryLengths.TryGetValue(country, out var length))
        {
            return Parsed<string>.Fail(DriverTexts.IbanCountryUnsupported);
        }

        if (s.Length != length)
        {
            return Parsed<string>.Fail(country == "PT"
                ? DriverTexts.IbanPortugueseLength.With()
                : DriverTexts.IbanCountryLength.With(country, length));
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
            return Parsed<string>.Fail(DriverTexts.IbanPortugueseDigits);
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

    private static Parsed<string> Checksum() => Parsed<string>.Fail(DriverTexts.IbanChecksum);

    // Country code + length pairs, written as one table so it reads like the registry it comes from.
    private static FrozenDictionary<string, int> ParseLengths(string table) =>
        table.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenDictionary(e => e[..2], e => int.Parse(e[2..], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
