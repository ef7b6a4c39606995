using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>Fails the boot when the schedule cannot keep its promises: the last nudge inside 24 hours, after the first.</summary>
public sealed class NudgeOptionsValidator : IValidateOptions<NudgeOptions>
{
    public ValidateOptionsResult Validate(string? name, NudgeOptions options)
    {
        var failures = new List<string>();
        const string s = NudgeOptions.Section;
        if (options.MaxCount is < 1 or > 10)
        {
            failures.Add($"{s}:MaxCount must be between 1 and 10 (set {s}:Enabled=false for none).");
        }

        if (options.Interval < TimeSpan.FromSeconds(10))
        {
            failures.Add($"{s}:Interval must be at least 10 seconds.");
        }

        if (options.FirstAfter <= TimeSpan.Zero)
        {
            failures.Add($"{s}:FirstAfter must be positive.");
        }

        if (options.LastWithin >= NudgeOptions.WhatsAppWindow)
        {
            failures.Add($"{s}:LastWithin must be under 24 hours: WhatsApp lets a business write freely only within 24 hours of the driver's last message.");
        }

        if (options.FirstAfter > NudgeSchedule.LastDue(options))
        {
            failures.Add($"{s}:FirstAfter must be at most {s}:LastWithin minus {s}:Interval (the first nudge must fit before the last).");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{s}:BatchSize must be positive.");
        }

        if (options.StopKeywords.Count == 0 || options.StopKeywords.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{s}:StopKeywords needs at least one keyword and no empty ones.");
        }

        if (options.FlowExports.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{s}:FlowExports must not contain empty paths.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
