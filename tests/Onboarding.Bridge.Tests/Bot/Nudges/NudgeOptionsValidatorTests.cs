using Onboarding.Bridge.Bot.Nudges;

namespace Onboarding.Bridge.Tests.Bot.Nudges;

/// <summary>A schedule that could not keep its promises is refused at start, naming the setting.</summary>
public sealed class NudgeOptionsValidatorTests
{
    private static readonly NudgeOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid() => Validator.Validate(null, new NudgeOptions()).Succeeded.ShouldBeTrue();

    public static TheoryData<string, Action<NudgeOptions>> Invalid => new()
    {
        { "Nudges:MaxCount", o => o.MaxCount = 0 },
        { "Nudges:LastWithin", o => o.LastWithin = TimeSpan.FromHours(24) },
        { "Nudges:FirstAfter", o => o.FirstAfter = TimeSpan.Zero },
        { "Nudges:FirstAfter", o => o.FirstAfter = TimeSpan.FromHours(23) },
        { "Nudges:Interval", o => o.Interval = TimeSpan.FromSeconds(1) },
        { "Nudges:BatchSize", o => o.BatchSize = 0 },
        { "Nudges:StopKeywords", o => o.StopKeywords = [] },
        { "Nudges:StopKeywords", o => o.StopKeywords = ["parar", " "] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_setting_out_of_range_is_refused_by_name(string setting, Action<NudgeOptions> change)
    {
        var options = new NudgeOptions();
        change(options);

        var result = Validator.Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(setting);
    }
}
