using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Bridge.Session;
using Onboarding.Bridge.State;
using Quartz;

namespace Onboarding.Api.Hosting;

/// <summary>
/// Readiness beyond the database, on bridge replicas: the clustered scheduler is running (unhealthy otherwise), and
/// the WhatsApp session is connected (degraded otherwise: the replica still serves webhooks and the API, so it stays
/// in the load balancer, but <c>/health/ready</c> says what is wrong).
/// </summary>
public static class ReadinessChecks
{
    public static IServiceCollection AddBridgeReadiness(this IServiceCollection services, bool scheduler)
    {
        var checks = services.AddHealthChecks().AddCheck<WhatsAppSessionCheck>("wppconnect-session", tags: ["ready"]);
        if (scheduler)
        {
            checks.AddCheck<SchedulerCheck>("scheduler", tags: ["ready"]);
        }

        return services;
    }

    private sealed class SchedulerCheck(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The scheduler is {status}.");
        }
    }

    private sealed class WhatsAppSessionCheck(BridgeState state) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = await state.GetAsync(BridgeState.SessionStatus, cancellationToken);
            return status is null or SessionHealth.Connected
                ? HealthCheckResult.Healthy(status ?? "not checked yet")
                : HealthCheckResult.Degraded($"WhatsApp session: {status}");
        }
    }
}
