using System.Diagnostics;

namespace Onboarding.Bench.Measurement;

/// <summary>What a closed-loop run did: calls per second over the run, their latencies, and failures.</summary>
public sealed record ClosedLoopResult(int Completed, int Failed, TimeSpan Elapsed, LatencySamples Latency)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}

/// <summary>
/// A fixed number of clients each making one call after the other until the time or the call budget is spent:
/// the way a fixed number of concurrent clients (Typebot's workers, a connection pool) loads a server.
/// </summary>
public static class ClosedLoop
{
    public static async Task<ClosedLoopResult> RunAsync(
        int workers, TimeSpan duration, int maxCalls, Func<int, int, CancellationToken, Task<bool>> call, CancellationToken ct)
    {
        var latency = new LatencySamples();
        var issued = 0;
        var completed = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > maxCalls)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call(worker, n, ct);
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
                {
                    // Refused, reset or timed out: a failed call, not the end of the run.
                    ok = false;
                }

                latency.Add(Stopwatch.GetElapsedTime(started));
                if (ok)
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, ct)));
        return new ClosedLoopResult(completed, failed, clock.Elapsed, latency);
    }
}
