using System.Text.RegularExpressions;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>
/// A driving licence number. Portuguese numbers ("L-1234567 8": 1–2 letters, 5–8 digits, check digit) are
/// normalised; foreign numbers are kept as uppercase free text (up to 20 characters).
/// </summary>
public sealed partial record DrivingLicenceNumber(string Value, bool IsPortugueseFormat)
{
    /// <summary>Maximum length of a foreign licence number.</summary>
    public const int MaxLength = 20;

    /// <summary>Parses "l-1234567 8", "L12345678", "P-123456 7" (Portuguese) or a foreign number.</summary>
    public static Parsed<DrivingLicenceNumber> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<DrivingLicenceNumber>.Fail(DriverTexts.DrivingLicenceNumberRequired);
        }

        s = string.Join(' ', s.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var compact = TypebotInput.Remove(s, c => c is ' ' or '-' or '.');
        var m = Portuguese().Match(compact);
        if (m.Success)
        {
            var digits = m.Groups["n"].Value;
            return Parsed<DrivingLicenceNumber>.Success(
                new($"{m.Groups["l"].Value}-{digits[..^1]} {digits[^1]}", IsPortugueseFormat: true));
        }

        if (s.Length is < 4 or > MaxLength || !Foreign().IsMatch(s) || !s.Any(char.IsAsciiDigit))
        {
            return Parsed<DrivingLicenceNumber>.Fail(DriverTexts.DrivingLicenceNumberFormat);
        }

        return Parsed<DrivingLicenceNumber>.Success(new(s, IsPortugueseFormat: false));
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^(?<l>[A-Z]{1,2})(?<n>[0-9]{6,9})$")]
    private static partial Regex Portuguese();

    [GeneratedRegex("^[A-Z0-9 /-]+$")]
    private static partial Regex Foreign();
}
