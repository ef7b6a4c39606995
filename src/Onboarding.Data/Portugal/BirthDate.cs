using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>Date of birth: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd[Thh:mm...].</summary>
public static partial class BirthDate
{
    /// <summary>Minimum age to register.</summary>
    public const int MinimumAge = 18;

    /// <summary>Ages above this are treated as typing mistakes.</summary>
    public const int MaximumAge = 100;

    /// <summary>
    /// Parses the date and checks it against <paramref name="today"/>: not in the future, at least 18 years old,
    /// at most 100 years old.
    /// </summary>
    public static Parsed<DateOnly> Parse(string? raw, DateOnly today)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<DateOnly>.Fail(DriverTexts.BirthDateRequired);
        }

        int year, month, day;
        var m = DayFirst().Match(s);
        if (m.Success)
        {
            day = Int(m.Groups["d"].Value);
            month = Int(m.Groups["m"].Value);
            year = Int(m.Groups["y"].Value);
        }
        else if ((m = IsoDate().Match(s)).Success)
        {
            year = Int(m.Groups["y"].Value);
            month = Int(m.Groups["m"].Value);
            day = Int(m.Groups["d"].Value);
        }
        else
        {
            return Format();
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Format();
        }

        var date = new DateOnly(year, month, day);
        if (date > today)
        {
            return Parsed<DateOnly>.Fail(DriverTexts.BirthDateFuture);
        }

        var age = AgeOn(date, today);
        if (age < MinimumAge)
        {
            return Parsed<DateOnly>.Fail(DriverTexts.BirthDateUnderage);
        }

        if (age > MaximumAge)
        {
            return Parsed<DateOnly>.Fail(DriverTexts.BirthDateImplausible);
        }

        return Parsed<DateOnly>.Success(date);
    }

    /// <summary>Age in whole years on <paramref name="today"/> (someone born on 29 Feb turns a year older on 1 Mar).</summary>
    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        if (today.Month < birth.Month || (today.Month == birth.Month && today.Day < birth.Day))
        {
            age--;
        }

        return age;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Parsed<DateOnly> Format() => Parsed<DateOnly>.Fail(DriverTexts.BirthDateFormat);

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*([/.\-])\s*(?<m>[0-9]{1,2})\s*\1\s*(?<y>[0-9]{4})$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+\-][0-9]{2}:?[0-9]{2})?)?$")]
    private static partial Regex IsoDate();
}
