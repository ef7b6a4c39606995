namespace Onboarding.Bridge.Governor;

/// <summary>
/// The governor's time and randomness: the host's <see cref="TimeProvider"/> and a random source seeded from
/// <c>Governor:RandomSeed</c>, so a test can give the governor a clock and a sequence of its own and assert exactly.
/// </summary>
public sealed class GovernorClock(TimeProvider time, int? seed)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock _gate = new();

    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The next value in [0, 1) of the seeded sequence.</summary>
    public double NextUnit()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
