namespace Onboarding.EndToEnd.Tests.Bridge.NumberSafety;

/// <summary>A clock that moves only when the test moves it: the governor's minutes pass as fast as the test wants.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
