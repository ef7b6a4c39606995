using Onboarding.Api.Features.Bridge.BridgeStatus;
using Onboarding.Api.Features.Bridge.DeadLetters;

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
}
