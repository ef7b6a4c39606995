using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Onboarding.Api.Errors;
using IPNetwork = System.Net.IPNetwork;

namespace Onboarding.Api.Http;

/// <summary>
/// Rate limits (per API key once authenticated, else per client address; webhooks get their own, larger budget) and
/// an optional network allow-list for the webhook routes. Health checks and the metrics scrape are never limited.
/// Forwarded headers count only from the configured proxies, so behind the TLS proxy every limit and list sees the
/// client's address, and nobody else can claim one.
/// </summary>
public static class ProtectionExtensions
{
    private const string WebhookPrefix = "/webhooks";

    public static IServiceCollection AddOnboardingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>().Bind(configuration.GetSection(ProtectionOptions.Section))
            .Validate(o => o.WebhookAllowedNetworks.All(IsNetwork), $"{ProtectionOptions.Section}:WebhookAllowedNetworks must hold IP addresses or CIDR ranges.")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), $"{ProtectionOptions.Section}:KnownProxies must hold IP addresses.")
            .Validate(o => o.KnownNetworks.All(IsNetwork), $"{ProtectionOptions.Section}:KnownNetworks must hold IP addresses or CIDR ranges.")
            .Validate(o => o.MetricsAllowedNetworks.All(IsNetwork), $"{ProtectionOptions.Section}:MetricsAllowedNetworks must hold IP addresses or CIDR ranges.")
            .ValidateOnStart();
        var protection = configuration.GetSection(ProtectionOptions.Section).Get<ProtectionOptions>() ?? new ProtectionOptions();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what the operator names is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in protection.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in protection.KnownNetworks.Where(IsNetwork))
            {
                forwarded.KnownIPNetworks.Add(ParseNetwork(network));
            }
        });
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
        var protection = app.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value;
        // With no proxy named, ASP.NET Core's middleware would believe the headers from anyone: leave it out.
        if (protection.KnownProxies.Count > 0 || protection.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        var networks = protection.WebhookAllowedNetworks.Select(ParseNetwork).ToList();
        if (networks.Count > 0)
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments(WebhookPrefix) && !IsIn(context.Connection.RemoteIpAddress, networks))
                {
                    await ApiErrorWriter.WriteAsync(context, 403, "webhook.address", "This address may not call the webhook routes.");
                    return;
                }

                await next(context);
            });
        }

        return app;
    }

    /// <summary>An address or a CIDR range (a bare address is its own /32 or /128).</summary>
    public static IPNetwork ParseNetwork(string text) =>
        IPNetwork.Parse(text.Contains('/', StringComparison.Ordinal) ? text : text + (text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"));

    public static bool IsIn(IPAddress? address, IReadOnlyList<IPNetwork> networks) =>
        address is not null && networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    private static bool IsNetwork(string text) =>
        IPNetwork.TryParse(text.Contains('/', StringComparison.Ordinal) ? text : text + (text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out _);
}
