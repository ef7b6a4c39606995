using Onboarding.Api.Hosting;
using Onboarding.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddOnboardingDefaults();
builder.Services.AddOnboardingData(builder.Configuration);
builder.Services.AddApiAuth(builder.Configuration);
builder.Services.AddOnboardingEndpoints();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync();
    return;
}

await app.MigrateDatabaseAsync();
app.UseOnboardingApi();
await app.RunAsync();
