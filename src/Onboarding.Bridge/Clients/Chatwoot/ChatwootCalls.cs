using System.Diagnostics.Metrics;
using System.Net;
using Onboarding.Bridge.Observability;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>Counters of calls to Chatwoot against its rate limit (docs/0030), on the bridge's meter.</summary>
public static class ChatwootCalls
{
    private static readonly Meter Meter = new(BridgeMetrics.MeterName);

    // onboarding_chatwoot_calls_total{outcome}: sent (answered by Chatwoot), throttled (Chatwoot's 429), refused (our budget's)
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "onboarding.chatwoot.calls", null, "Calls to Chatwoot by outcome: sent, throttled (Chatwoot answered 429), refused (the budget said not yet)");

    public static void Answered(HttpStatusCode status) =>
        Calls.Add(1, new KeyValuePair<string, object?>("outcome", status == HttpStatusCode.TooManyRequests ? "throttled" : "sent"));

    public static void Refused() => Calls.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
}
