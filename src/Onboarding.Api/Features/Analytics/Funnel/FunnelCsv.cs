using System.Globalization;
using System.Text;
using Onboarding.Api.Features.Drivers.ExportDrivers;

namespace Onboarding.Api.Features.Analytics.Funnel;

/// <summary>
/// The funnel as one CSV table: a <c>section</c> column (stage, question, week, reminders) and the columns each
/// section fills; cells are quoted and defused as in the drivers export.
/// </summary>
public static class FunnelCsv
{
    private const string Header = "section,key,group,name,count,conversion,median_seconds,stopped_here,bot_started,submitted,approved,recovered";

    public static string Write(FunnelResponse funnel)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var s in funnel.Stages)
        {
            Row(csv, "stage", s.Key, null, null, N(s.Count), N(s.Conversion), N(s.MedianSeconds), null, null, null, null, null);
        }

        foreach (var q in funnel.Questions)
        {
            Row(csv, "question", q.BlockId, q.Group, q.Name, N(q.Reached), null, null, N(q.StoppedHere), null, null, null, null);
        }

        foreach (var w in funnel.Weeks)
        {
            Row(csv, "week", w.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, N(w.FirstContact), null, null, null,
                N(w.BotStarted), N(w.Submitted), N(w.Approved), N(w.Recovered));
        }

        var r = funnel.Reminders;
        Row(csv, "reminders", "nudged", null, null, N(r.Nudged), null, null, null, null, N(r.RecoveredSubmitted), null, N(r.Recovered));
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string?[] cells) =>
        csv.AppendJoin(',', cells.Select(ExportDriversEndpoint.Escape)).Append("\r\n");

    private static string? N(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
