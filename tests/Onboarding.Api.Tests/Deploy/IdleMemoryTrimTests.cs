using Onboarding.Api.Hosting;
using static Onboarding.Api.Hosting.IdleMemoryTrim;

namespace Onboarding.Api.Tests.Deploy;

/// <summary>When the host gives memory back after a burst (docs/0051): only when idle, once per idle spell, over the slack.</summary>
public sealed class IdleMemoryTrimTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void A_tick_with_no_collection_since_the_last_and_more_than_the_slack_committed_trims()
    {
        var (trim, next) = Decide(new TrimState(Seen: 40, AfterTrim: -1), collections: 40, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16);

        trim.ShouldBeTrue();
        next.Seen.ShouldBe(40);
    }

    [Fact]
    public void A_host_still_collecting_is_not_idle()
    {
        var (trim, next) = Decide(new TrimState(Seen: 40, AfterTrim: -1), collections: 41, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16);

        trim.ShouldBeFalse();
        next.Seen.ShouldBe(41);

        // The next quiet tick after it is.
        Decide(next, collections: 41, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16).Trim.ShouldBeTrue();
    }

    [Fact]
    public void Within_the_slack_nothing_is_collected()
    {
        Decide(new TrimState(40, -1), collections: 40, committedBytes: 60 * MB, heapBytes: 45 * MB, slackMB: 16).Trim.ShouldBeFalse();
    }

    [Fact]
    public void One_trim_per_idle_spell_even_when_the_slack_stays_exceeded()
    {
        // Right after a trim the count is the one it left; fragmentation may keep the committed memory high.
        var afterTrim = new TrimState(Seen: 42, AfterTrim: 42);
        var (trim, next) = Decide(afterTrim, collections: 42, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16);
        trim.ShouldBeFalse();

        // Traffic comes back (the GC runs on its own), then stops again: a new spell, a new trim.
        (trim, next) = Decide(next, collections: 47, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16);
        trim.ShouldBeFalse();
        Decide(next, collections: 47, committedBytes: 90 * MB, heapBytes: 45 * MB, slackMB: 16).Trim.ShouldBeTrue();
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
