using System.Globalization;

namespace Onboarding.Bench.Measurement;

/// <summary>Processor time used over an interval by the host, this process (fakes and load), our Postgres cluster and the rest of the machine.</summary>
public sealed record CpuShares(TimeSpan Wall, double Host, double Bench, double Postgres, double Other, double Idle)
{
    /// <summary>Each part in cores (1.0 = one core busy for the whole interval).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"host {Host:F2}, bench+fakes {Bench:F2}, postgres {Postgres:F2}, other {Other:F2}, idle {Idle:F2} cores over {Wall.TotalSeconds:F0} s");
}

/// <summary>
/// Reads <c>/proc</c> to split the machine's processor time between the parts of a run, so a missed target can be
/// traced to where the cycles went. Postgres is the cluster whose <c>postmaster.pid</c> is in <c>BENCH_PG_DATA</c>.
/// </summary>
public sealed class CpuMeter(int hostPid)
{
    private const double TicksPerSecond = 100.0;

    private readonly record struct Snapshot(long Timestamp, long Busy, long Idle, long Host, long Bench, long Postgres);

    private Snapshot _start;

    public void Start() => _start = Take();

    public CpuShares Stop()
    {
        var end = Take();
        var wall = TimeSpan.FromTicks((end.Timestamp - _start.Timestamp) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);
        double Cores(long ticks) => ticks / TicksPerSecond / wall.TotalSeconds;
        var host = Cores(end.Host - _start.Host);
        var bench = Cores(end.Bench - _start.Bench);
        var postgres = Cores(end.Postgres - _start.Postgres);
        var busy = Cores(end.Busy - _start.Busy);
        return new CpuShares(wall, host, bench, postgres, Math.Max(0, busy - host - bench - postgres), Cores(end.Idle - _start.Idle));
    }

    private Snapshot Take()
    {
        var (busy, idle) = Machine();
        return new Snapshot(System.Diagnostics.Stopwatch.GetTimestamp(), busy, idle, ProcessTicks(hostPid), ProcessTicks(Environment.ProcessId), PostgresTicks());
    }

    private static (long Busy, long Idle) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        return (cpu.Take(8).Sum() - idle, idle);
    }

    private static long ProcessTicks(int pid)
    {
        try
        {
            var fields = StatFields(pid);
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The postmaster and its children (backends, writers); backends that exited meanwhile are not counted.</summary>
    private static long PostgresTicks()
    {
        if (Environment.GetEnvironmentVariable("BENCH_PG_DATA") is not { Length: > 0 } data
            || !File.Exists(Path.Combine(data, "postmaster.pid"))
            || !int.TryParse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return 0;
        }

        var total = ProcessTicks(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                try
                {
                    var fields = StatFields(pid);
                    if (fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                    {
                        total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone meanwhile.
                }
            }
        }

        return total;
    }

    /// <summary>Fields of <c>/proc/pid/stat</c> after the command name: [0] state, [1] ppid, [11] utime, [12] stime.</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
