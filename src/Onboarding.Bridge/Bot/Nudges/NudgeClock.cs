namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>
/// The time of the bot's waiting rules: since when a session waits at a question, when it expires, when a nudge is
/// due. The host's <see cref="TimeProvider"/>, apart from the rest so a test can move hours forward without moving the
/// webhook windows and retry timers with it.
/// </summary>
public sealed class NudgeClock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
