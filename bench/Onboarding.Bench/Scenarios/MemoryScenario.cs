using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>The host's resident memory: the peak over all the runs (VmHWM), then the level it settles at once idle.</summary>
public static class MemoryScenario
{
    private static string Cores(double cores) => cores.ToString("F3", CultureInfo.InvariantCulture) + " cores";

    public static async Task RunAsync(BridgeRig rig, BenchPlan plan, Baselines baselines, Report report, CancellationToken ct)
    {
        var peak = rig.Host.ReadMemory().PeakRssMB;
        var cpu = new CpuMeter(rig.Host.Pid);
        cpu.Start();
        await Task.Delay(plan.SettleBeforeSteadyRss, ct);
        var background = cpu.Stop();
        var steady = rig.Host.ReadMemory().RssMB;
        var idle = $"{Report.Num(baselines.IdleRssMB, "MB")} (idle, before the runs)";
        report.Add(new("memory", "host peak RSS over the runs (VmHWM)", Report.Num(peak, "MB"), idle, Report.Times(peak / baselines.IdleRssMB), "—", Verdict.None));
        report.Add(new("memory", $"host processor time with no traffic for {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s after the runs (background jobs)", Cores(background.Host),
            $"{Cores(baselines.IdleHostCores)} (idle, before the runs)", Report.Times(background.Host / baselines.IdleHostCores), "—", Verdict.None));
        report.Note(await WhereAsync(rig, ct));
        report.Add(new("memory", $"host steady RSS, {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s after the runs", Report.Num(steady, "MB"), idle, Report.Times(steady / baselines.IdleRssMB), "< 250 MB", Report.Check(steady < 250)));
    }

    /// <summary>Where the steady RSS is: anonymous, file-backed and shared pages, and the runtime's own figures from <c>/metrics</c>.</summary>
    private static async Task<string> WhereAsync(BridgeRig rig, CancellationToken ct)
    {
        var memory = rig.Host.ReadMemory();
        var metrics = await rig.Http.GetStringAsync("/metrics", ct);
        double Sum(string name) => metrics.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal)) // counters carry a _total suffix
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        const double MB = 1_000_000;
        return string.Create(CultureInfo.InvariantCulture,
            $"memory: steady RSS {memory.RssMB:F0} MB = {memory.AnonMB:F0} MB anonymous + {memory.FileMB:F0} MB file-backed + {memory.SharedMB:F0} MB shared; the GC had " +
            $"{Sum("dotnet_gc_last_collection_memory_committed_size_bytes") / MB:F0} MB committed and {Sum("dotnet_gc_last_collection_heap_size_bytes") / MB:F0} MB " +
            $"of objects after its last collection; {Sum("dotnet_thread_pool_thread_count"):F0} thread-pool threads; " +
            $"{Sum("dotnet_jit_compiled_il_size_bytes") / MB:F1} MB of IL compiled");
    }
}
