using System.Globalization;
using System.Text;

namespace Onboarding.Bench.Measurement;

/// <summary>Whether a figure meets its DESIGN §7 target.</summary>
public enum Verdict
{
    /// <summary>No target for this figure (context or baseline).</summary>
    None,
    Met,
    Missed,
}

/// <summary>One line of the results table: the figure, the same-run baseline it is compared with, and its target.</summary>
public sealed record ReportRow(string Area, string Figure, string Value, string Baseline, string Ratio, string Target, Verdict Verdict);

/// <summary>The Markdown results: a header that says where and when, the table, then notes and breakdowns.</summary>
public sealed class Report
{
    private readonly List<ReportRow> _rows = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _sections = [];

    public IReadOnlyList<ReportRow> Rows => _rows;

    public void Add(ReportRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Area} | {row.Figure}: {row.Value} (baseline {row.Baseline}, ratio {row.Ratio}; target {row.Target}{(row.Verdict == Verdict.None ? "" : " " + row.Verdict.ToString().ToLowerInvariant())})");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("  note: " + note);
    }

    /// <summary>A titled Markdown block after the table (e.g. the fault suite's counts).</summary>
    public void Section(string markdown) => _sections.Add(markdown);

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms";

    public static string Times(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "n/a" : ratio.ToString(ratio < 10 ? "F2" : "F0", CultureInfo.InvariantCulture) + "×";

    public static string Num(double value, string unit) => value.ToString(value < 100 ? "F1" : "F0", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");

    public static Verdict Check(bool met) => met ? Verdict.Met : Verdict.Missed;

    public string ToMarkdown(IReadOnlyList<(string Key, string Value)> header)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results").AppendLine();
        foreach (var (key, value) in header)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {key}: {value}");
        }

        md.AppendLine();
        md.AppendLine("| area | figure | value | same-run baseline | ratio | DESIGN §7 target | |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in _rows)
        {
            var mark = r.Verdict switch { Verdict.Met => "met", Verdict.Missed => "**missed**", _ => "" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Area} | {r.Figure} | {r.Value} | {r.Baseline} | {r.Ratio} | {r.Target} | {mark} |");
        }

        if (_notes.Count > 0)
        {
            md.AppendLine().AppendLine("Notes:").AppendLine();
            foreach (var note in _notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        foreach (var section in _sections)
        {
            md.AppendLine().Append(section.TrimEnd()).AppendLine();
        }

        return md.ToString();
    }
}
