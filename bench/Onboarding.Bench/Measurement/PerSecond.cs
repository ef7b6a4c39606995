namespace Onboarding.Bench.Measurement;

/// <summary>Events counted per whole second from a start instant: what reached Chatwoot in each second.</summary>
public static class PerSecond
{
    public static int[] Count(IEnumerable<DateTimeOffset> times, DateTimeOffset start, int seconds)
    {
        var buckets = new int[Math.Max(seconds, 0)];
        foreach (var t in times)
        {
            var i = (int)Math.Floor((t - start).TotalSeconds);
            if (i >= 0 && i < buckets.Length)
            {
                buckets[i]++;
            }
        }

        return buckets;
    }

    /// <summary>The median of the buckets (the typical second).</summary>
    public static double Median(IReadOnlyList<int> buckets)
    {
        if (buckets.Count == 0)
        {
            return double.NaN;
        }

        var sorted = buckets.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
