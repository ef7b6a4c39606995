using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;

namespace Onboarding.Bench.Scenarios;

/// <summary>The host's resident memory: the peak over all the runs (VmHWM), then the level it settles at once idle.</summary>
public static class MemoryScenario
{
    private static string Cores(double cores) => cores.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + " cores";

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
        report.Add(new("memory", $"host steady RSS, {plan.SettleBeforeSteadyRss.TotalSeconds:F0} s after the runs", Report.Num(steady, "MB"), idle, Report.Times(steady / baselines.IdleRssMB), "< 250 MB", Report.Check(steady < 250)));
    }
}
