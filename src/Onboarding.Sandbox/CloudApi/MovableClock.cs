namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// A clock that runs with the system clock but can be moved forward: a test jumps 30 hours past a driver's last
/// message (the 24-hour window) without waiting, and timers of the rest of the fake keep real time.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
