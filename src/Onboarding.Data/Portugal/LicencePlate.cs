using System.Text.RegularExpressions;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>
/// Portuguese licence plates (DL 54/2005 as amended by DL 2/2020), four national series, stored as 6 uppercase
/// characters without separators ("AA00AA") and displayed as "AA-00-AA" (domain-pt.md §5).
/// </summary>
public static partial class LicencePlate
{
    /// <summary>Parses "aa-00-aa", "AA 08 AM", "00.AA.00"... into the compact 6-character form.</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.LicencePlateRequired);
        }

        s = TypebotInput.Remove(s, TypebotInput.IsSeparator).ToUpperInvariant();
        if (SeriesOf(s) == 0)
        {
            return Parsed<string>.Fail(DriverTexts.LicencePlateFormat);
        }

        return Parsed<string>.Success(s);
    }

    /// <summary>
    /// Series of a compact plate: 1 = AA-00-00, 2 = 00-00-AA, 3 = 00-AA-00, 4 = AA-00-AA (since 2020); 0 = none.
    /// </summary>
    public static int SeriesOf(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        if (Series1().IsMatch(compact))
        {
            return 1;
        }

        if (Series2().IsMatch(compact))
        {
            return 2;
        }

        if (Series3().IsMatch(compact))
        {
            return 3;
        }

        return Series4().IsMatch(compact) ? 4 : 0;
    }

    /// <summary>
    /// True when K, W or Y appear in a plate of series 1–3, which never used those letters. Worth a warning for
    /// staff, not a rejection.
    /// </summary>
    public static bool HasUnusualLetters(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        var series = SeriesOf(compact);
        return series is >= 1 and <= 3 && compact.AsSpan().IndexOfAny("KWY") >= 0;
    }

    /// <summary>"AA00AA" → "AA-00-AA". Anything that is not 6 characters is returned unchanged.</summary>
    public static string Display(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        return compact.Length == 6 ? $"{compact[..2]}-{compact[2..4]}-{compact[4..]}" : compact;
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{4}$")]
    private static partial Regex Series1();

    [GeneratedRegex("^[0-9]{4}[A-Z]{2}$")]
    private static partial Regex Series2();

    [GeneratedRegex("^[0-9]{2}[A-Z]{2}[0-9]{2}$")]
    private static partial Regex Series3();

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z]{2}$")]
    private static partial Regex Series4();
}
