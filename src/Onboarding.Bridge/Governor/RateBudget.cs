namespace Onboarding.Bridge.Governor;

/// <summary>
/// A named budget shared by every replica: at most so many permits in any minute, hour and day (0: no limit for
/// that window), and a gap before the next permit. Any rate that must hold across replicas reuses it (WhatsApp
/// sends here; calls to Chatwoot can take a budget of their own).
/// </summary>
public sealed record RateBudget(string Name, int PerMinute, int PerHour, int PerDay)
{
    /// <summary>The budget with each limit scaled (the ramp after a reconnection); a limit never drops below 1.</summary>
    public RateBudget Scaled(double share) => share >= 1 ? this : this with
    {
        PerMinute = Scale(PerMinute, share),
        PerHour = Scale(PerHour, share),
        PerDay = Scale(PerDay, share),
    };

    private static int Scale(int limit, double share) => limit == 0 ? 0 : Math.Max(1, (int)Math.Floor(limit * share));
}

/// <summary>What a budget said: granted, or not before <see cref="RetryAt"/> because of <see cref="Reason"/>.</summary>
public sealed record BudgetAnswer(bool Granted, DateTimeOffset RetryAt, string? Reason)
{
    public static BudgetAnswer Grant(DateTimeOffset now) => new(true, now, null);
}

/// <summary>How much of a budget the last minute, hour and day used.</summary>
public sealed record BudgetUsage(string Name, int Minute, int PerMinute, int Hour, int PerHour, int Day, int PerDay, DateTimeOffset? NextAt);
