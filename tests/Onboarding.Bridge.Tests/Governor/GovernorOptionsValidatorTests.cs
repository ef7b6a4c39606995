using Onboarding.Bridge.Governor;

namespace Onboarding.Bridge.Tests.Governor;

/// <summary>The governor's settings are refused at start when they would stop every send or mean nothing, naming the setting.</summary>
public sealed class GovernorOptionsValidatorTests
{
    private static readonly GovernorOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid() => Validator.Validate(null, new GovernorOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void Zero_limits_mean_no_limit_and_are_valid() =>
        Validator.Validate(null, new GovernorOptions { ServiceNotices = new BudgetLimits(), NewChatsPerDay = 0, MinGap = TimeSpan.Zero, MaxGap = TimeSpan.Zero, RampDuration = TimeSpan.Zero })
            .Succeeded.ShouldBeTrue();

    public static TheoryData<string, Action<GovernorOptions>> Invalid => new()
    {
        { "Governor:Replies:", o => o.Replies.PerMinute = -1 },
        { "Governor:ServiceNotices:", o => o.ServiceNotices.PerDay = -5 },
        { "Governor:NewChatsPerDay", o => o.NewChatsPerDay = -1 },
        { "Governor:MinGap", o => o.MinGap = TimeSpan.FromSeconds(-1) },
        { "Governor:MinGap", o => (o.MinGap, o.MaxGap) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)) },
        { "Governor:TypingPerCharacter", o => o.TypingPerCharacter = TimeSpan.FromMilliseconds(-1) },
        { "Governor:TypingPerCharacter", o => o.TypingMax = TimeSpan.FromSeconds(31) },
        { "Governor:RampStart", o => o.RampStart = 0 },
        { "Governor:RampStart", o => o.RampStart = 1.5 },
        { "Governor:RampStart", o => o.RampDuration = TimeSpan.FromMinutes(-1) },
        { "Governor:ColdWindow", o => o.ColdWindow = TimeSpan.Zero },
        { "Governor:RestrictionBackoff", o => o.RestrictionBackoff = TimeSpan.Zero },
        { "Governor:NoticeMaxAge", o => o.NoticeMaxAge = TimeSpan.FromHours(-1) },
        { "Governor:HoldRecheck", o => o.HoldRecheck = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_setting_out_of_range_is_refused_by_name(string setting, Action<GovernorOptions> change)
    {
        var options = new GovernorOptions();
        change(options);

        var result = Validator.Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldNotBeNull().ShouldHaveSingleItem().ShouldStartWith(setting);
    }

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        var result = Validator.Validate(null, new GovernorOptions { NewChatsPerDay = -1, HoldRecheck = TimeSpan.Zero, RampStart = 2 });

        result.Failures.ShouldNotBeNull().Count().ShouldBe(3);
    }
}
