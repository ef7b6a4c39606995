using Microsoft.Extensions.Options;
using Onboarding.Bridge;

namespace Onboarding.Api.Hosting;

/// <summary>
/// What this replica is (docs/0013): <c>Onboarding:Roles</c>. <c>api</c> serves the public API, both webhooks (they
/// only write to the ledger and the outbox) and <c>/media</c>; <c>bridge</c> runs the workers and the jobs. A replica
/// without <c>api</c> answers only health and metrics; one without <c>bridge</c> runs no worker, no job, and is not
/// asked for the Chatwoot and WPPConnect settings it never uses. <c>Onboarding:Mode=Sandbox</c> is the Sandbox
/// program's alone (docs/0022): this one refuses it.
/// </summary>
public static class RolesAndMode
{
    /// <summary>
    /// Why the production program will not start in Sandbox mode, or null. It has no fakes to start, and the mode
    /// would lift the checks on secrets.
    /// </summary>
    public static string? SandboxRefusal(IConfiguration configuration) =>
        configuration.GetSection(OnboardingOptions.Section).Get<OnboardingOptions>()?.IsSandbox == true
            ? "Onboarding:Mode=Sandbox is refused: this is the production program (Onboarding.Api.dll), which never runs "
              + "the fakes. The Sandbox is a different program (src/Onboarding.Sandbox), started by ./run.sh; remove "
              + "Onboarding__Mode or set it to Production."
            : null;

    public static WebApplicationBuilder AddOnboardingRolesAndMode(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OnboardingOptions.Section).Get<OnboardingOptions>() ?? new OnboardingOptions();
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
