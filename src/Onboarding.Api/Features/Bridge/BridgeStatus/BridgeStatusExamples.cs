namespace Onboarding.Api.Features.Bridge.BridgeStatus;

/// <summary>OpenAPI example for the bridge status route: synthetic values.</summary>
internal static class BridgeStatusExamples
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly BridgeStatusResponse Status = new(
        new BridgeSession("CONNECTED", At, "inChat", null),
        new BridgeQueues(0, 0, 2, 1),
        new BridgeLatencies(RecentLatencies.Window, new LatencyStats(200, 41.5, 118.2), new LatencyStats(200, 310.4, 902.7)));
}
