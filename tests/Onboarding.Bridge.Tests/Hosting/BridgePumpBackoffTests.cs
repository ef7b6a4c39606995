using Onboarding.Bridge.Hosting;

namespace Onboarding.Bridge.Tests.Hosting;

/// <summary>With Postgres down the pump failed several times a second; now it waits longer after each failure.</summary>
public sealed class BridgePumpBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void The_wait_after_consecutive_failures_doubles_up_to_thirty_seconds(int failures, int seconds) =>
        BridgePump.Backoff(failures).ShouldBe(TimeSpan.FromSeconds(seconds));
}
