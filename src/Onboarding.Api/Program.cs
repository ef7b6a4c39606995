using Onboarding.Api.Flows;
using Onboarding.Api.Hosting;
using Onboarding.Api.Http;
using Onboarding.Bridge;
using Onboarding.Data;

if (await FlowsCommand.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
var roles = builder.Configuration.GetSection(OnboardingOptions.Section).Get<OnboardingOptions>() ?? new OnboardingOptions();

if (roles.Mode.Equals("Sandbox", StringComparison.OrdinalIgnoreCase))
{
    await builder.AddSandboxAsync();
}

builder.AddOnboardingDefaults();
builder.AddOnboardingTelemetry();
builder.Services.AddOnboardingData(builder.Configuration);
builder.Services.AddBridge(builder.Configuration, runPump: roles.Has("bridge"));
if (roles.Has("bridge"))
{
    builder.Services.AddBridgeReadiness(scheduler: builder.Configuration.GetValue("Bridge:Scheduler", true));
}

builder.Services.AddApiAuth(builder.Configuration);
builder.Services.AddOnboardingProtection(builder.Configuration);
builder.Services.AddOnboardingEndpoints();

var app = builder.Build();

await app.MigrateDatabaseAsync();
if (args.Contains("migrate"))
{
    return 0;
}

app.UseOnboardingProtection();
app.UseOnboardingApi();
app.MapOnboardingMetrics();
await app.RunAsync();
return 0;
