using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Governor;

/// <summary>Refuses settings that would stop every send or make the governor meaningless, naming the setting.</summary>
public sealed class GovernorOptionsValidator : IValidateOptions<GovernorOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernorOptions o)
    {
        var errors = new List<string>();
        Limits(errors, nameof(o.Replies), o.Replies);
        Limits(errors, nameof(o.ServiceNotices), o.ServiceNotices);
        if (o.NewChatsPerDay < 0)
        {
            errors.Add($"{GovernorOptions.Section}:NewChatsPerDay must be 0 or more.");
        }

        if (o.MinGap < TimeSpan.Zero || o.MaxGap < o.MinGap)
        {
            errors.Add($"{GovernorOptions.Section}:MinGap must be 0 or more and MaxGap at least MinGap.");
        }

        if (o.TypingPerCharacter < TimeSpan.Zero || o.TypingMax < TimeSpan.Zero || o.TypingMax > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{GovernorOptions.Section}:TypingPerCharacter and TypingMax must be 0 or more, TypingMax at most 30 s.");
        }

        if (o.RampStart is <= 0 or > 1 || o.RampDuration < TimeSpan.Zero)
        {
            errors.Add($"{GovernorOptions.Section}:RampStart must be in (0, 1] and RampDuration 0 or more.");
        }

        if (o.CloudApi.BusinessInitiatedPerDay < 0 || o.CloudApi.MessagesPerSecond < 0)
        {
            errors.Add($"{GovernorOptions.Section}:CloudApi: BusinessInitiatedPerDay and MessagesPerSecond must be 0 (no limit) or more.");
        }

        Positive(errors, nameof(o.ColdWindow), o.ColdWindow);
        Positive(errors, nameof(o.RestrictionBackoff), o.RestrictionBackoff);
        Positive(errors, nameof(o.NoticeMaxAge), o.NoticeMaxAge);
        Positive(errors, nameof(o.HoldRecheck), o.HoldRecheck);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Limits(List<string> errors, string name, BudgetLimits limits)
    {
        if (limits.PerMinute < 0 || limits.PerHour < 0 || limits.PerDay < 0)
        {
            errors.Add($"{GovernorOptions.Section}:{name}: PerMinute, PerHour and PerDay must be 0 (no limit) or more.");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{GovernorOptions.Section}:{name} must be positive.");
        }
    }
}
