using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.EndToEnd.Tests.Bridge.NumberSafety;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bot.Nudges;

/// <summary>
/// The bot host with the bot's clock in the test's hand: hours of waiting at a question pass when the test says.
/// The job runs hourly (at start, then not during a test); the tests run the nudger themselves.
/// </summary>
public sealed class NudgeFixture : BotFixture
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
        base.ExtraSettings().Concat(new Dictionary<string, string>
        {
            ["Nudges:Interval"] = "01:00:00",
        });

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<NudgeClock>();
            s.AddSingleton(new NudgeClock(Clock));
        });
}

[CollectionDefinition(Name)]
public sealed class NudgeCollection : ICollectionFixture<NudgeFixture>
{
    public const string Name = "nudges";
}
