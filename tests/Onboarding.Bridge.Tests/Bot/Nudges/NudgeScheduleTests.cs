using Microsoft.Extensions.Options;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Contacts;

namespace Onboarding.Bridge.Tests.Bot.Nudges;

/// <summary>When nudges are due, how many, and how long a waiting session is kept (docs/0040).</summary>
public sealed class NudgeScheduleTests
{
    private static readonly DateTime Asked = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static NudgeSchedule Schedule(Action<NudgeOptions>? change = null)
    {
        var options = new NudgeOptions();
        change?.Invoke(options);
        return new NudgeSchedule(Options.Create(options), Options.Create(new TypebotOptions()));
    }

    [Fact]
    public void By_default_the_first_is_due_at_two_hours_and_the_second_one_interval_before_twenty_three()
    {
        var schedule = Schedule();

        schedule.DueAfter(1).ShouldBe(TimeSpan.FromHours(2));
        schedule.DueAfter(2).ShouldBe(new TimeSpan(22, 55, 0));
        schedule.Due(0, TimeSpan.FromMinutes(119)).ShouldBeNull();
        schedule.Due(0, TimeSpan.FromHours(2)).ShouldBe(1);
        schedule.Due(1, TimeSpan.FromHours(12)).ShouldBeNull();
        schedule.Due(1, new TimeSpan(22, 55, 0)).ShouldBe(2);
        schedule.Due(2, new TimeSpan(22, 59, 0)).ShouldBeNull();
    }

    [Fact]
    public void Missed_runs_send_the_latest_nudge_due_and_none_from_last_within_on()
    {
        var schedule = Schedule();

        schedule.Due(0, TimeSpan.FromHours(22.95)).ShouldBe(2);
        schedule.Due(0, TimeSpan.FromHours(23)).ShouldBeNull();
        schedule.Due(0, TimeSpan.FromHours(30)).ShouldBeNull();
    }

    [Fact]
    public void Three_nudges_are_spread_evenly_between_the_first_and_the_last()
    {
        var schedule = Schedule(o => (o.MaxCount, o.FirstAfter, o.LastWithin, o.Interval) = (3, TimeSpan.FromHours(2), TimeSpan.FromHours(23), TimeSpan.FromHours(1)));

        Enumerable.Range(1, 3).Select(schedule.DueAfter).ShouldBe([TimeSpan.FromHours(2), TimeSpan.FromHours(12), TimeSpan.FromHours(22)]);
        schedule.Due(3, TimeSpan.FromHours(22.5)).ShouldBeNull();
    }

    [Fact]
    public void Disabled_nudges_are_never_due() =>
        Schedule(o => o.Enabled = false).Due(0, TimeSpan.FromHours(3)).ShouldBeNull();

    [Fact]
    public void A_session_waiting_past_the_idle_limit_is_kept_while_it_may_still_be_nudged()
    {
        var schedule = Schedule();
        var waiting = new BotConversation { InputSince = Asked, LastActivityAt = Asked };

        schedule.Expired(waiting, Asked.AddHours(3)).ShouldBeFalse();
        schedule.Expired(waiting, Asked.AddHours(10)).ShouldBeFalse();
        schedule.Expired(waiting, Asked.AddHours(23)).ShouldBeTrue();

        // A nudge counts as activity: its answer continues the session for SessionIdleMinutes after it.
        schedule.Expired(waiting with { LastNudgeAt = Asked.AddHours(22.9) }, Asked.AddHours(26)).ShouldBeFalse();
        schedule.Expired(waiting with { LastNudgeAt = Asked.AddHours(22.9) }, Asked.AddHours(27)).ShouldBeTrue();
    }

    [Fact]
    public void After_parar_or_with_nudges_off_the_idle_limit_applies_as_before()
    {
        var waiting = new BotConversation { InputSince = Asked, LastActivityAt = Asked };

        Schedule().Expired(waiting with { NudgesStoppedAt = Asked }, Asked.AddHours(4.1)).ShouldBeTrue();
        Schedule(o => o.Enabled = false).Expired(waiting, Asked.AddHours(4.1)).ShouldBeTrue();
        Schedule(o => o.Enabled = false).Expired(waiting, Asked.AddHours(3.9)).ShouldBeFalse();
    }
}
