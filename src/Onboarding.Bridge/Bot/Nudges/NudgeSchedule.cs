using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Contacts;

namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>
/// When nudges are due and how long a waiting session is kept (docs/0040). Nudge k of N is due at
/// <c>FirstAfter + (LastDue − FirstAfter)·(k−1)/(N−1)</c> after the wait began, where <c>LastDue</c> is
/// <c>LastWithin − Interval</c>, so a job tick late by one interval still sends the last one before <c>LastWithin</c>.
/// </summary>
public sealed class NudgeSchedule(IOptions<NudgeOptions> options, IOptions<TypebotOptions> bot)
{
    private NudgeOptions Options => options.Value;

    public static TimeSpan LastDue(NudgeOptions options) => options.LastWithin - options.Interval;

    /// <summary>How long after the wait began nudge <paramref name="number"/> (1-based) is due.</summary>
    public TimeSpan DueAfter(int number)
    {
        if (Options.MaxCount == 1 || number <= 1)
        {
            return Options.FirstAfter;
        }

        var span = LastDue(Options) - Options.FirstAfter;
        return Options.FirstAfter + (span * (Math.Min(number, Options.MaxCount) - 1) / (Options.MaxCount - 1));
    }

    /// <summary>
    /// The nudge to send after waiting <paramref name="waited"/> with <paramref name="sent"/> already sent, or null. When
    /// runs were missed it is the latest one due (the ones skipped are not sent late, one after another).
    /// </summary>
    public int? Due(int sent, TimeSpan waited)
    {
        if (!Options.Enabled || waited >= Options.LastWithin)
        {
            return null;
        }

        var due = 0;
        for (var k = 1; k <= Options.MaxCount && DueAfter(k) <= waited; k++)
        {
            due = k;
        }

        return due > sent ? due : null;
    }

    /// <summary>
    /// A session idle past <c>Typebot:SessionIdleMinutes</c> starts over, unless the chat may still be nudged (nudges on,
    /// no "parar", the nudge window still open); a nudge counts as activity, so the answer to it continues the session.
    /// </summary>
    public bool Expired(BotConversation conversation, DateTime now)
    {
        var since = conversation.InputSince ?? conversation.LastActivityAt;
        if (conversation.LastNudgeAt is { } nudged && nudged > since)
        {
            since = nudged;
        }

        if (now - since <= TimeSpan.FromMinutes(bot.Value.SessionIdleMinutes))
        {
            return false;
        }

        var nudgeable = Options.Enabled && conversation.NudgesStoppedAt is null && conversation.InputSince is { } waiting
            && now - waiting < Options.LastWithin;
        return !nudgeable;
    }
}
