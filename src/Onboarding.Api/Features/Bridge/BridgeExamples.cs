using Onboarding.Api.Features.Bridge.BridgeStatus;
using Onboarding.Api.Features.Bridge.DeadLetters;
using Onboarding.Api.Features.Bridge.Governor;

namespace Onboarding.Api.Features.Bridge;

/// <summary>OpenAPI examples for the bridge routes: synthetic values.</summary>
internal static class BridgeExamples
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly BridgeStatusResponse Status = new(
        new BridgeSession("CONNECTED", At, "inChat", null),
        new BridgeQueues(0, 0, 2, 1),
        new BridgeLatencies(RecentLatencies.Window, new LatencyStats(200, 41.5, 118.2), new LatencyStats(200, 310.4, 902.7)));

    public static readonly DeadLettersResponse DeadLetters = new(1,
    [
        new DeadLetter(4711, "+351*****1836", "whatsapp", "text", 14, "WPPConnect 404: session Disconnected", At, 42),
    ]);

    public static readonly GovernorResponse Governor = new(true, "CONNECTED", false, true, "restricted", At.AddHours(6),
        "restricted (463): reachout-timelock", 1.0,
        [
            new GovernorBudget("whatsapp.replies", "reply", [new("minute", 4, 30), new("hour", 61, null), new("day", 388, null)], null),
            new GovernorBudget("whatsapp.service_notices", "service_notice", [new("minute", 3, 8), new("hour", 57, 200), new("day", 412, 1500)], At.AddSeconds(3)),
            new GovernorBudget("whatsapp.new_chats", "new_chat", [new("minute", 0, null), new("hour", 0, null), new("day", 2, 20)], null),
        ],
        new GovernorSkipped(3, 0));
}
