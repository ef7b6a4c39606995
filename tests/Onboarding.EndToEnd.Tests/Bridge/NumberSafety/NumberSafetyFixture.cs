using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Bridge.Governor;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Bridge.NumberSafety;

/// <summary>
/// The host with the governor's production budgets and gaps, on a clock the test moves, rechecking held rows quickly
/// so that an hour of budgets passes in seconds.
/// </summary>
public sealed class NumberSafetyFixture : BridgeFixture
{
    public const int OperationsConversation = 900_001;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => new Dictionary<string, string>
    {
        ["Governor:Replies:PerMinute"] = "30",
        ["Governor:ServiceNotices:PerMinute"] = "8",
        ["Governor:ServiceNotices:PerHour"] = "200",
        ["Governor:ServiceNotices:PerDay"] = "1500",
        ["Governor:NewChatsPerDay"] = "0",
        ["Governor:MinGap"] = "00:00:01.5",
        ["Governor:MaxGap"] = "00:00:05",
        ["Governor:TypingPerCharacter"] = "00:00:00.001",
        ["Governor:TypingMax"] = "00:00:00.020",
        ["Governor:HoldRecheck"] = "00:00:00.050",
        ["Governor:RandomSeed"] = "19",
        ["Chatwoot:OperationsConversationId"] = OperationsConversation.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<GovernorClock>();
            s.AddSingleton(new GovernorClock(Clock, 19));
        });
}

[CollectionDefinition(Name)]
public sealed class NumberSafetyCollection : ICollectionFixture<NumberSafetyFixture>
{
    public const string Name = "number-safety";
}
