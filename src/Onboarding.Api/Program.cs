using Onboarding.Api.Flows;
using Onboarding.Api.Hosting;
using Onboarding.Api.Http;
using Onboarding.Data;

if (await FlowsCommand.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
await builder.AddOnboardingRolesAndModeAsync();
builder.AddOnboardingDefaults();
builder.AddOnboardingTelemetry();
builder.Services.AddOnboardingData(builder.Configuration);
builder.Services.AddApiAuth(builder.Configuration);
builder.Services.AddOnboardingProtection(builder.Configuration);
builder.Services.AddOnboardingEndpoints();

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
await app.RunAsync();
return 0;
