using System.Globalization;

namespace Onboarding.Bench.Measurement;

/// <summary>Latencies in milliseconds with nearest-rank percentiles and a coarse histogram; safe to add to from many tasks.</summary>
public sealed class LatencySamples
{
    private static readonly double[] BucketEdges = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();
    private double[]? _sorted;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ms.Count;
            }
        }
    }

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public double Max => Percentile(100);

    public double Mean
    {
        get
        {
            var sorted = Sorted();
            return sorted.Length == 0 ? double.NaN : sorted.Average();
        }
    }

    public void Add(TimeSpan latency) => AddMilliseconds(latency.TotalMilliseconds);

    public void AddMilliseconds(double ms)
    {
        lock (_gate)
        {
            _ms.Add(ms);
            _sorted = null;
        }
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    public double Percentile(double percent)
    {
        var sorted = Sorted();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Counts per bucket (≤1, ≤2, ≤5 … ms), for the console breakdown.</summary>
    public string Histogram()
    {
        var sorted = Sorted();
        var parts = new List<string>();
        var lower = 0.0;
        foreach (var edge in BucketEdges.Append(double.PositiveInfinity))
        {
            var n = sorted.Count(x => x > lower && x <= edge) + (lower == 0 ? sorted.Count(x => x <= 0) : 0);
            if (n > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"≤{(double.IsInfinity(edge) ? "∞" : edge.ToString(CultureInfo.InvariantCulture))}ms:{n}"));
            }

            lower = edge;
        }

        return string.Join(" ", parts);
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P50:F1} ms p95={P95:F1} ms p99={P99:F1} ms max={Max:F1} ms");

    private double[] Sorted()
    {
        lock (_gate)
        {
            if (_sorted is null)
            {
                _sorted = [.. _ms];
                Array.Sort(_sorted);
            }

            return _sorted;
        }
    }
}
