namespace Onboarding.Api.Hosting;

/// <summary>
/// Gives memory back after a burst (docs/0051, docs/0052). The GC keeps the heap a burst grew to until its next
/// collection, and a quiet host allocates too little for a collection to give it back, so a replica that served a peak
/// holds the peak's memory all night. As the JVM's periodic collections do (JEP 346): when the host allocated less than
/// <see cref="IdleMemoryTrimOptions.IdleAllocationMB"/> during the last <see cref="IdleMemoryTrimOptions.Interval"/> and
/// the GC holds more than <see cref="IdleMemoryTrimOptions.SlackMB"/> beyond what survived its last collection, one
/// compacting collection in aggressive mode returns the rest to the system, and the C library's allocator returns the
/// pages native code freed (<see cref="NativeHeap"/>). At most one per quiet spell: the next waits for a busy interval.
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
        var state = new TrimState(Allocated(), Armed: true);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var memory = GC.GetGCMemoryInfo();
            (var trim, state) = Decide(state, Allocated(), memory.TotalCommittedBytes, memory.HeapSizeBytes, options);
            if (trim)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                state = state with { Allocated = Allocated() };
                LogTrimmed(memory.TotalCommittedBytes / (1024 * 1024), GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024));
            }
        }
    }

    /// <summary>The bytes allocated up to the last tick, and whether a busy interval came since the last trim.</summary>
    internal readonly record struct TrimState(long Allocated, bool Armed);

    /// <summary>
    /// Trim when the last interval was quiet (less than the idle allocation), a busy one came since the last trim (one
    /// trim per quiet spell), and the GC holds more than the slack beyond what survived its last collection. Quiet is
    /// an allocation rate, not an interval without collections: a quiet host's background work (the catch-up reading
    /// the chats active in the last minutes, the pump's polls) still collects now and then.
    /// </summary>
    internal static (bool Trim, TrimState Next) Decide(TrimState state, long allocatedBytes, long committedBytes, long heapBytes, IdleMemoryTrimOptions options)
    {
        var quiet = allocatedBytes - state.Allocated < options.IdleAllocationMB * 1024L * 1024;
        var armed = state.Armed || !quiet;
        var trim = quiet && armed && committedBytes - heapBytes >= options.SlackMB * 1024L * 1024;
        return (trim, new TrimState(allocatedBytes, armed && !trim));
    }

    private static long Allocated() => GC.GetTotalAllocatedBytes(precise: false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: the GC gave back memory, {BeforeMB} MB committed before, {AfterMB} MB after")]
    private partial void LogTrimmed(long beforeMB, long afterMB);
}

/// <summary>
/// <c>Hosting:IdleTrim</c>: the interval between looks (0 turns the trim off), the allocation within one interval under
/// which the host counts as quiet, and the slack kept.
/// </summary>
public sealed class IdleMemoryTrimOptions
{
    public const string Section = "Hosting:IdleTrim";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public int IdleAllocationMB { get; set; } = 64;

    public int SlackMB { get; set; } = 16;
}
