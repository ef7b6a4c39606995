using Microsoft.Extensions.Options;
using Onboarding.Bridge;

namespace Onboarding.Api.Hosting;

/// <summary>
/// What this replica is (docs/0013): <c>Onboarding:Mode</c> (<c>Sandbox</c> adds the fakes and points the settings at
/// them) and <c>Onboarding:Roles</c>. <c>api</c> serves the public API, both webhooks (they only write to the ledger and
/// the outbox) and <c>/media</c>; <c>bridge</c> runs the workers and the jobs. A replica without <c>api</c> answers
/// only health and metrics; one without <c>bridge</c> runs no worker, no job, and is not asked for the Chatwoot and
/// WPPConnect settings it never uses.
/// </summary>
public static class RolesAndMode
{
    public static async Task<WebApplicationBuilder> AddOnboardingRolesAndModeAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OnboardingOptions.Section).Get<OnboardingOptions>() ?? new OnboardingOptions();
        if (options.IsSandbox)
        {
            await builder.AddSandboxAsync();
        }

        builder.Services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OnboardingOptions>, SecretSettingsValidator>();
        var bridge = options.Has("bridge");
        builder.Services.AddBridge(builder.Configuration, runPump: bridge);
        if (bridge)
        {
            builder.Services.AddBridgeReadiness(scheduler: builder.Configuration.GetValue("Bridge:Scheduler", true));
        }

        return builder;
    }

    /// <summary>A replica without the <c>api</c> role answers 404 to everything but health and metrics.</summary>
    public static WebApplication UseOnboardingRoles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OnboardingOptions>>().Value;
        if (!options.Has("api"))
        {
            app.Use((context, next) =>
                context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments(TelemetryExtensions.MetricsPath)
                    ? next(context)
                    : Results.NotFound().ExecuteAsync(context));
        }

        return app;
    }
}
