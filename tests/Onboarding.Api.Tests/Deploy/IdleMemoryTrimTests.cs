using Onboarding.Api.Hosting;
using static Onboarding.Api.Hosting.IdleMemoryTrim;

namespace Onboarding.Api.Tests.Deploy;

/// <summary>When the host gives memory back after a burst (docs/0051, docs/0052): only when quiet, once per quiet spell, over the slack.</summary>
public sealed class IdleMemoryTrimTests
{
    private const long MB = 1024 * 1024;

    private static readonly IdleMemoryTrimOptions Options = new() { IdleAllocationMB = 64, SlackMB = 16 };

    [Fact]
    public void A_quiet_interval_with_more_than_the_slack_committed_trims()
    {
        var (trim, next) = Decide(new TrimState(Allocated: 1000 * MB, Armed: true), allocatedBytes: 1010 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options);

        trim.ShouldBeTrue();
        next.Allocated.ShouldBe(1010 * MB);
        next.Armed.ShouldBeFalse();
    }

    [Fact]
    public void A_host_allocating_at_least_the_idle_allocation_is_busy()
    {
        var (trim, next) = Decide(new TrimState(1000 * MB, Armed: false), allocatedBytes: 1064 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options);

        trim.ShouldBeFalse();
        next.ShouldBe(new TrimState(1064 * MB, Armed: true));

        // The next quiet interval after it trims.
        Decide(next, allocatedBytes: 1070 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options).Trim.ShouldBeTrue();
    }

    [Fact]
    public void Background_work_that_collects_now_and_then_still_counts_as_quiet()
    {
        // The catch-up after a busy spell: 30 MB within the interval, so the GC ran, yet the host is quiet.
        Decide(new TrimState(1000 * MB, Armed: true), allocatedBytes: 1030 * MB, committedBytes: 70 * MB, heapBytes: 44 * MB, Options).Trim.ShouldBeTrue();
    }

    [Fact]
    public void Within_the_slack_nothing_is_collected_and_the_trim_stays_armed()
    {
        var (trim, next) = Decide(new TrimState(1000 * MB, Armed: true), allocatedBytes: 1001 * MB, committedBytes: 60 * MB, heapBytes: 45 * MB, Options);

        trim.ShouldBeFalse();
        next.Armed.ShouldBeTrue();
    }

    [Fact]
    public void One_trim_per_quiet_spell_even_when_the_slack_comes_back()
    {
        // After a trim the background work grows the GC's budget again: no second collection while it stays quiet.
        var (trim, next) = Decide(new TrimState(1000 * MB, Armed: false), allocatedBytes: 1030 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options);
        trim.ShouldBeFalse();

        // Traffic comes back, then stops again: a new spell, a new trim.
        (trim, next) = Decide(next, allocatedBytes: 1500 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options);
        trim.ShouldBeFalse();
        Decide(next, allocatedBytes: 1501 * MB, committedBytes: 90 * MB, heapBytes: 45 * MB, Options).Trim.ShouldBeTrue();
    }

    [Fact]
    public void The_native_heap_trim_runs_or_says_it_cannot()
    {
        // glibc on Linux (this machine, the aspnet image): malloc_trim is there. musl has none and answers false.
        var glibc = OperatingSystem.IsLinux() && !System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);
        NativeHeap.Trim().ShouldBe(glibc);

        // Asking again gives the same answer (the first failure is remembered, not retried).
        NativeHeap.Trim().ShouldBe(glibc);
    }

    [Fact]
    public async Task An_interval_of_zero_turns_it_off()
    {
        using var trim = new IdleMemoryTrim(new IdleMemoryTrimOptions { Interval = TimeSpan.Zero }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<IdleMemoryTrim>.Instance);

        await trim.StartAsync(TestContext.Current.CancellationToken);

        // It ends at once instead of waiting for ticks (ExecuteAsync runs on the thread pool since .NET 10).
        await trim.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        trim.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue();
    }
}
