using Npgsql;
using Onboarding.Api.Observability;
using Onboarding.Bridge.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Onboarding.Api.Hosting;

/// <summary>
/// OpenTelemetry: traces (HTTP in and out, Npgsql; only when exported) and metrics (ours, ASP.NET Core, HttpClient, Npgsql, the runtime), scraped by
/// Prometheus at <c>/metrics</c> and exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddOnboardingTelemetry(this WebApplicationBuilder builder)
    {
        // Traces are recorded only when something exports them: an activity per request and per Postgres command costs
        // allocations on every hot path (docs/0026). Telemetry:Traces=true records them without OTLP (a diagnosis run).
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("onboarding"))
            .WithMetrics(m => m
                .AddMeter(BridgeMetrics.MeterName, ApiMetrics.MeterName, "Npgsql", "Quartz", "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (builder.Configuration.GetValue<bool?>("Telemetry:Traces") ?? otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath) && !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Quartz"));
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint; keep it on the internal network (it needs no key, like the health checks).</summary>
    public static WebApplication MapOnboardingMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
