using System.Reflection;
using Onboarding.Api.Flows;
using Onboarding.Api.Http;
using Onboarding.Data;
using Onboarding.Data.Documents.Files;

namespace Onboarding.Api.Hosting;

/// <summary>
/// What a program built on this host adds to it: the Sandbox program (<c>src/Onboarding.Sandbox</c>) starts its fakes
/// and points the settings at them before the host reads them, and maps its <c>/api/sandbox</c> endpoints.
/// </summary>
/// <param name="ConfigureAsync">Runs first, on the fresh builder, before any setting is read.</param>
/// <param name="EndpointAssemblies">Assemblies whose FastEndpoints endpoints are mapped besides this host's own.</param>
public sealed record HostExtension(Func<WebApplicationBuilder, Task> ConfigureAsync, IReadOnlyList<Assembly> EndpointAssemblies);

/// <summary>
/// The host's composition, in one place: the production program runs it as it is, the Sandbox program with its
/// <see cref="HostExtension"/>, so neither copies the other's wiring.
/// </summary>
public static class OnboardingApp
{
    public static async Task<int> RunAsync(string[] args, HostExtension? extension = null)
    {
        if (await FlowsCommand.TryRunAsync(args) is { } exitCode)
        {
            return exitCode;
        }

        var builder = WebApplication.CreateBuilder(args);
        if (extension is not null)
        {
            await extension.ConfigureAsync(builder);
        }
        else if (RolesAndMode.SandboxRefusal(builder.Configuration) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return 1;
        }

        builder.AddOnboardingRolesAndMode();
        builder.AddOnboardingDefaults();
        builder.AddOnboardingTelemetry();
        builder.Services.AddOnboardingData(builder.Configuration);
        builder.Services.AddDocumentFiles(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddApiAuth(builder.Configuration);
        builder.Services.AddOnboardingProtection(builder.Configuration);
        builder.Services.AddOnboardingEndpoints(extension?.EndpointAssemblies ?? []);

        var app = builder.Build();

        await app.MigrateDatabaseAsync();
        if (args.Contains("migrate"))
        {
            return 0;
        }

        app.UseOnboardingRoles();
        app.UseOnboardingProtection();
        app.UseOnboardingInternalRoutes();
        app.UseOnboardingApi();
        app.MapOnboardingMetrics();
        ShutdownDeadline.Arm(app);
        await app.RunAsync();
        return 0;
    }
}
