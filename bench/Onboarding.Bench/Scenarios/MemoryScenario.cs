using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>The host's resident memory: the peak over all the runs (VmHWM), then the level it settles at once idle.</summary>
public static partial class MemoryScenario
{
    private static string Cores(double cores) => cores.ToString("F3", CultureInfo.InvariantCulture) + " cores";

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var peak = rig.Host.ReadMemory().PeakRssMB;
        var cpu = new CpuMeter(rig.Host.Pid);
        var gcBefore = GcCounters(await rig.Http.GetStringAsync("/metrics", ct));
        cpu.Start();
        await Task.Delay(plan.SettleBeforeSteadyRss, ct);
        var background = cpu.Stop();
        // One reading and one scrape at the end serve the figure and the notes that explain it.
        var metrics = await rig.Http.GetStringAsync("/metrics", ct);
        var gcAfter = GcCounters(metrics);
        var memory = rig.Host.ReadMemory();
        var steady = memory.RssMB;
        var idle = $"{Report.Num(baselines.IdleRssMB, "MB")} (idle, before the runs)";
        report.Add(new("memory", "host peak RSS over the runs (VmHWM)", Report.Num(peak, "MB"), idle, Report.Times(peak / baselines.IdleRssMB), "—", Verdict.None));
        report.Add(new("memory", $"host processor time with no traffic for {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s after the runs (background jobs)", Cores(background.Host),
            $"{Cores(baselines.IdleHostCores)} (idle, before the runs)", Report.Times(background.Host / baselines.IdleHostCores), "—", Verdict.None));
        report.Note(Where(memory, metrics, rig.Host.LogPath));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"memory: while idle for {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s the host allocated {(gcAfter.Allocated - gcBefore.Allocated) / 1_000_000:F1} MB and collected {gcAfter.Collections - gcBefore.Collections:F0} times"));
        report.Add(new("memory", $"host steady RSS, {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s after the runs", Report.Num(steady, "MB"), idle, Report.Times(steady / baselines.IdleRssMB), "< 250 MB", Report.Check(steady < 250)));
    }

    private static (double Collections, double Allocated) GcCounters(string metrics) =>
        (Sum(metrics, "dotnet_gc_collections"), Sum(metrics, "dotnet_gc_heap_total_allocated_bytes"));

    /// <summary>The sum of a metric's series in a Prometheus scrape (counters carry a _total suffix).</summary>
    private static double Sum(string metrics, string name) => metrics.Split('\n')
        .Where(line => line.StartsWith(name, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>Where the steady RSS is: anonymous, file-backed and shared pages, and the runtime's own figures from <c>/metrics</c>.</summary>
    private static string Where(MemoryReading memory, string metrics, string logPath)
    {
        const double MB = 1_000_000;
        return string.Create(CultureInfo.InvariantCulture,
            $"memory: steady RSS {memory.RssMB:F0} MB = {memory.AnonMB:F0} MB anonymous + {memory.FileMB:F0} MB file-backed + {memory.SharedMB:F0} MB shared; the GC had " +
            $"{Sum(metrics, "dotnet_gc_last_collection_memory_committed_size_bytes") / MB:F0} MB committed and {Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes") / MB:F0} MB " +
            $"of objects after its last collection; {Sum(metrics, "dotnet_thread_pool_thread_count"):F0} thread-pool threads; " +
            $"{Sum(metrics, "dotnet_jit_compiled_il_size_bytes") / MB:F1} MB of IL compiled; {IdleTrims(logPath)}");
    }

    /// <summary>What the host's idle trim (docs/0051) logged: how often it ran, and the GC's committed memory around the last run.</summary>
    private static string IdleTrims(string logPath)
    {
        var trims = File.ReadLines(logPath).Select(line => TrimLine().Match(line)).Where(m => m.Success).ToList();
        return trims.Count == 0
            ? "the idle trim did not run"
            : $"the idle trim ran {trims.Count} time(s), the last from {trims[^1].Groups[1].Value} to {trims[^1].Groups[2].Value} MB committed";
    }

    [GeneratedRegex(@"Idle: the GC gave back memory, (\d+) MB committed before, (\d+) MB after")]
    private static partial Regex TrimLine();
}
