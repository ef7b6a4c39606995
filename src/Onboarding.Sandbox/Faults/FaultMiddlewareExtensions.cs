using Microsoft.AspNetCore.Builder;

namespace Onboarding.Sandbox.Faults;

public static class FaultMiddlewareExtensions
{
    /// <summary>Puts the switchboard in front of every route.</summary>
    public static IApplicationBuilder UseFaults(this IApplicationBuilder app, FaultSwitchboard faults) =>
        app.Use(async (context, next) =>
        {
            if (!await faults.ApplyAsync(context))
            {
                await next(context);
            }
        });
}
