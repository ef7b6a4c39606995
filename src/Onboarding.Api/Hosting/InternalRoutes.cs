using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Http;

namespace Onboarding.Api.Hosting;

/// <summary>
/// Routes that are not for the public: <c>/metrics</c> answers only the scraper on the internal network (never a
/// request that came through a proxy), and the OpenAPI document only in the Sandbox or to the staff key. Everyone
/// else gets a 404, as if the route did not exist. Call after <see cref="ProtectionExtensions.UseOnboardingProtection"/>.
/// </summary>
public static class InternalRoutes
{
    /// <summary>Loopback and the private ranges: where Prometheus runs beside the service.</summary>
    private static readonly IReadOnlyList<IPNetwork> PrivateNetworks =
        [.. new[] { "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7" }.Select(ProtectionExtensions.ParseNetwork)];

    private static readonly string[] ForwardedHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded"];

    public static WebApplication UseOnboardingInternalRoutes(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value.MetricsAllowedNetworks;
        var scrapers = configured.Count == 0 ? PrivateNetworks : [.. configured.Select(ProtectionExtensions.ParseNetwork)];
        var sandbox = app.Services.GetRequiredService<IOptions<OnboardingOptions>>().Value.IsSandbox;
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var allowed = path.StartsWithSegments(TelemetryExtensions.MetricsPath) ? IsScraper(context, scrapers)
                : path.StartsWithSegments("/swagger") ? sandbox || await IsStaffAsync(context)
                : true;
            if (!allowed)
            {
                await ApiErrorWriter.WriteAsync(context, 404, "not_found", "There is nothing here.");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool IsScraper(HttpContext context, IReadOnlyList<IPNetwork> scrapers) =>
        !ForwardedHeaders.Any(context.Request.Headers.ContainsKey) && ProtectionExtensions.IsIn(context.Connection.RemoteIpAddress, scrapers);

    private static async Task<bool> IsStaffAsync(HttpContext context) =>
        (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Principal?.IsInRole(ApiRoles.Staff) == true;
}
