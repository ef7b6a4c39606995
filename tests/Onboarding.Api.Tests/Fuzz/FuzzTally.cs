using System.Globalization;
using System.Text;

namespace Onboarding.Api.Tests.Fuzz;

/// <summary>Responses counted by status for each route, printed as one table.</summary>
public sealed class FuzzTally
{
    private readonly Dictionary<string, SortedDictionary<int, int>> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string route, int status)
    {
        if (!_counts.TryGetValue(route, out var byStatus))
        {
            _counts[route] = byStatus = [];
            _order.Add(route);
        }

        byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
    }

    /// <summary>One row per route in the order first seen, one column per status seen anywhere, and the totals.</summary>
    public string ToTable()
    {
        var statuses = _counts.Values.SelectMany(c => c.Keys).Distinct().Order().ToList();
        var header = new[] { "route" }.Concat(statuses.Select(s => s.ToString(CultureInfo.InvariantCulture))).Append("total").ToList();
        var rows = _order.Select(route => new[] { route }
                .Concat(statuses.Select(s => _counts[route].TryGetValue(s, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "."))
                .Append(_counts[route].Values.Sum().ToString(CultureInfo.InvariantCulture)).ToList())
            .ToList();
        rows.Add(new[] { "all routes" }
            .Concat(statuses.Select(s => _counts.Values.Sum(c => c.GetValueOrDefault(s)).ToString(CultureInfo.InvariantCulture)))
            .Append(_counts.Values.Sum(c => c.Values.Sum()).ToString(CultureInfo.InvariantCulture)).ToList());
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToList();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }
}
