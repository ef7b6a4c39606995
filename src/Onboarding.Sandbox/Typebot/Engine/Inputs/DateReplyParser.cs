using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>
/// Free-text dates as Typebot's date input reads them: day first when the block's format starts with <c>dd</c>
/// (chrono's GB parser), month first otherwise, ISO dates always, an optional <c>HH:mm</c> time; the answer is
/// rewritten in the block's format (date-fns tokens).
/// </summary>
public static partial class DateReplyParser
{
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})(?:,?\s+(?:at\s+)?(\d{1,2})[:h](\d{2}))?$")]
    private static partial Regex NumericDate();

    public static bool TryParse(string reply, bool dayFirst, out DateTime value)
    {
        value = default;
        var text = reply.Trim();
        int year, month, day, hour = 0, minute = 0;
        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            (year, month, day) = (Int(iso.Groups[1]), Int(iso.Groups[2]), Int(iso.Groups[3]));
            if (iso.Groups[4].Success)
            {
                (hour, minute) = (Int(iso.Groups[4]), Int(iso.Groups[5]));
            }
        }
        else
        {
            var numeric = NumericDate().Match(text);
            if (!numeric.Success)
            {
                return false;
            }

            var (first, second) = (Int(numeric.Groups[1]), Int(numeric.Groups[2]));
            (day, month) = dayFirst ? (first, second) : (second, first);
            year = Int(numeric.Groups[3]);
            if (numeric.Groups[3].Value.Length == 2)
            {
                year += year < 50 ? 2000 : 1900;
            }

            if (numeric.Groups[4].Success)
            {
                (hour, minute) = (Int(numeric.Groups[4]), Int(numeric.Groups[5]));
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Formats with the date-fns tokens flows use (yyyy, yy, MM, M, dd, d, HH, H, mm, ss).</summary>
    public static string Format(DateTime date, string dateFnsFormat)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < dateFnsFormat.Length)
        {
            var c = dateFnsFormat[i];
            var run = 1;
            while (i + run < dateFnsFormat.Length && dateFnsFormat[i + run] == c)
            {
                run++;
            }

            result.Append((c, run) switch
            {
                ('y', 4) => date.Year.ToString("D4", CultureInfo.InvariantCulture),
                ('y', 2) => (date.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
                ('M', 2) => date.Month.ToString("D2", CultureInfo.InvariantCulture),
                ('M', 1) => date.Month.ToString(CultureInfo.InvariantCulture),
                ('d', 2) => date.Day.ToString("D2", CultureInfo.InvariantCulture),
                ('d', 1) => date.Day.ToString(CultureInfo.InvariantCulture),
                ('H', 2) => date.Hour.ToString("D2", CultureInfo.InvariantCulture),
                ('H', 1) => date.Hour.ToString(CultureInfo.InvariantCulture),
                ('m', 2) => date.Minute.ToString("D2", CultureInfo.InvariantCulture),
                ('s', 2) => date.Second.ToString("D2", CultureInfo.InvariantCulture),
                _ => new string(c, run),
            });
            i += run;
        }

        return result.ToString();
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}
