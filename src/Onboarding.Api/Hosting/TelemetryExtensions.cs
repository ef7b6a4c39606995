using Npgsql;
using Onboarding.Bridge.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Onboarding.Api.Hosting;

/// <summary>
/// OpenTelemetry: traces (HTTP in and out, Npgsql) and metrics (ours, ASP.NET Core, HttpClient, Npgsql, the runtime), scraped by
/// Prometheus at <c>/metrics</c> and exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddOnboardingTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("onboarding"))
            .WithMetrics(m => m
                .AddMeter(BridgeMetrics.MeterName, ApiMetrics.MeterName, "Npgsql", "Quartz", "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath) && !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Quartz"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
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
