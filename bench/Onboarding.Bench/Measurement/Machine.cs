namespace Onboarding.Bench.Measurement;

/// <summary>The machine the figures come from.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>): how busy the shared machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
