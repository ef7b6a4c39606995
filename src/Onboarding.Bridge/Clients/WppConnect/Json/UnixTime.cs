namespace Onboarding.Bridge.Clients.WppConnect.Json;

/// <summary>
/// WhatsApp times come in Unix seconds (<c>t</c>) but some builds and relays give milliseconds (<c>timestamp</c>).
/// A value above 10^11 cannot be seconds of any real message (that is the year 5138), so it is read as milliseconds.
/// </summary>
public static class UnixTime
{
    private const long MillisecondsAbove = 100_000_000_000;

    /// <summary>Seconds since the epoch, or null when the value is missing or no calendar holds it.</summary>
    public static long? Seconds(long? value) => value switch
    {
        null => null,
        > MillisecondsAbove => value / 1000 is var s && s <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? s : null,
        < 0 => null,
        _ => value,
    };

    /// <summary>The time as UTC, or null when missing, impossible, or more than a day ahead of <paramref name="now"/> (a corrupt value).</summary>
    public static DateTime? ToUtc(long? value, DateTimeOffset now) =>
        Seconds(value) is { } s && s <= now.AddDays(1).ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime : null;
}
