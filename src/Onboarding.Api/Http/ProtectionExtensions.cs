using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;

namespace Onboarding.Api.Http;

/// <summary>
/// Rate limits (per API key once authenticated, else per client address; webhooks get their own, larger budget) and
/// an optional network allow-list for the webhook routes. Health checks and the metrics scrape are never limited.
/// </summary>
public static class ProtectionExtensions
{
    private const string WebhookPrefix = "/webhooks";

    public static IServiceCollection AddOnboardingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>().Bind(configuration.GetSection(ProtectionOptions.Section))
            .Validate(o => o.WebhookAllowedNetworks.All(n => IPNetwork.TryParse(n.Contains('/', StringComparison.Ordinal) ? n : n + (n.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out _)),
                $"{ProtectionOptions.Section}:WebhookAllowedNetworks must hold IP addresses or CIDR ranges.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var options = context.RequestServices.GetRequiredService<IOptions<ProtectionOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var (key, permits) = path.StartsWithSegments(WebhookPrefix) ? ("w:" + client, options.WebhookPermitsPerMinute)
                    : context.User.Identity is { IsAuthenticated: true, Name: { } name } ? ("k:" + name, options.KeyPermitsPerMinute)
                    : ("a:" + client, options.PermitsPerMinute);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiErrorWriter.WriteAsync(rejected.HttpContext, 429, "rate_limited", $"Too many requests from this address; try again in {seconds} s.");
            };
        });
        return services;
    }

    /// <summary>The webhook allow-list; call first. The limiter runs after authentication (<c>UseOnboardingApi</c>).</summary>
    public static WebApplication UseOnboardingProtection(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value.WebhookAllowedNetworks
            .Select(n => IPNetwork.Parse(n.Contains('/', StringComparison.Ordinal) ? n : n + (n.Contains(':', StringComparison.Ordinal) ? "/128" : "/32")))
            .ToList();
        if (networks.Count > 0)
        {
            app.Use(async (context, next) =>
            {
                var address = context.Connection.RemoteIpAddress;
                if (context.Request.Path.StartsWithSegments(WebhookPrefix)
                    && (address is null || !networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))))
                {
                    await ApiErrorWriter.WriteAsync(context, 403, "webhook.address", "This address may not call the webhook routes.");
                    return;
                }

                await next(context);
            });
        }

        return app;
    }
}
