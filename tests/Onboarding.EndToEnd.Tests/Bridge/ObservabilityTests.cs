using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Operations;
using Onboarding.Bridge.Session;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>What operators scrape and probe: the Prometheus metrics the alert rules use, and readiness.</summary>
[Collection(BridgeCollection.Name)]
public sealed class ObservabilityTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task Metrics_expose_the_names_the_alert_rules_use()
    {
        var e164 = NewPhone();
        await Bridge.Wpp.Phone(e164, "Rui").SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "mirrored");
        await Bridge.Services.GetRequiredService<SessionHealth>().RunOnceAsync(TestContext.Current.CancellationToken);
        await Bridge.Services.GetRequiredService<BridgeDepths>().ReadAsync(TestContext.Current.CancellationToken);

        var metrics = await Bridge.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        foreach (var name in new[]
        {
            "onboarding_bridge_inbound_latency_seconds_bucket", "onboarding_bridge_inbound_backlog", "onboarding_bridge_outbox_depth",
            "onboarding_bridge_dead_letters", "onboarding_wppconnect_session_connected",
        })
        {
            metrics.ShouldContain(name, customMessage: $"{name} missing from /metrics");
        }

        System.Text.RegularExpressions.Regex.IsMatch(metrics, @"^onboarding_wppconnect_session_connected(\{[^}]*\})? 1( |$)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .ShouldBeTrue(metrics.Split('\n').FirstOrDefault(l => l.StartsWith("onboarding_wppconnect_session_connected", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Readiness_covers_the_database_the_scheduler_and_the_whatsapp_session()
    {
        await Bridge.Services.GetRequiredService<SessionHealth>().RunOnceAsync(TestContext.Current.CancellationToken);
        using (var ready = await Bridge.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
        }

        await Bridge.Wpp.DisconnectAsync();
        try
        {
            await Bridge.Services.GetRequiredService<SessionHealth>().RunOnceAsync(TestContext.Current.CancellationToken);
            using var degraded = await Bridge.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            degraded.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await degraded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Degraded");
        }
        finally
        {
            await Bridge.Wpp.ReconnectAsync();
            await Bridge.Services.GetRequiredService<SessionHealth>().RunOnceAsync(TestContext.Current.CancellationToken);
        }
    }
}
