namespace Onboarding.Api.Hosting;

/// <summary>
/// Gives memory back after a burst (docs/0051). The GC keeps the heap a burst grew to until its next collection, and an
/// idle host allocates too little to cause one, so a replica that served a peak holds the peak's memory all night. As
/// the JVM's periodic collections do (JEP 346): when no collection has run for <see cref="IdleMemoryTrimOptions.Interval"/>
/// and the GC holds more than <see cref="IdleMemoryTrimOptions.SlackMB"/> beyond what survived its last collection, one
/// compacting collection in aggressive mode returns the rest to the system. At most one per idle spell: the next waits
/// for the GC to have run on its own again.
/// </summary>
public sealed partial class IdleMemoryTrim(IdleMemoryTrimOptions options, TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, clock);
        var state = new TrimState(Collections(), -1);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var memory = GC.GetGCMemoryInfo();
            (var trim, state) = Decide(state, Collections(), memory.TotalCommittedBytes, memory.HeapSizeBytes, options.SlackMB);
            if (trim)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var after = Collections();
                state = new TrimState(after, after);
                LogTrimmed(memory.TotalCommittedBytes / (1024 * 1024), GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024));
            }
        }
    }

    /// <summary>The collection count at the last tick, and the one right after the last trim (-1: none yet).</summary>
    internal readonly record struct TrimState(int Seen, int AfterTrim);

    /// <summary>
    /// Trim when no collection ran since the last tick, none ran since the last trim either (one trim per idle spell),
    /// and the GC holds more than the slack beyond what survived its last collection.
    /// </summary>
    internal static (bool Trim, TrimState Next) Decide(TrimState state, int collections, long committedBytes, long heapBytes, int slackMB)
    {
        var idle = collections == state.Seen && collections != state.AfterTrim;
        return (idle && committedBytes - heapBytes >= slackMB * 1024L * 1024, state with { Seen = collections });
    }

    private static int Collections() => GC.CollectionCount(0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: the GC gave back memory, {BeforeMB} MB committed before, {AfterMB} MB after")]
    private partial void LogTrimmed(long beforeMB, long afterMB);
}

/// <summary><c>Hosting:IdleTrim</c>: how long without a collection counts as idle (0 turns the trim off), and the slack kept.</summary>
public sealed class IdleMemoryTrimOptions
{
    public const string Section = "Hosting:IdleTrim";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public int SlackMB { get; set; } = 16;
}
