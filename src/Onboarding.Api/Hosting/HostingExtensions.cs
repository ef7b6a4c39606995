using System.Reflection;
using System.Text.Json;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NSwag;
using Onboarding.Api.Auth;
using Onboarding.Api.Http;
using Onboarding.Data.Migrations;

namespace Onboarding.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>JSON naming, logs, health checks and the clock: what every role of the host needs.</summary>
    public static WebApplicationBuilder AddOnboardingDefaults(this WebApplicationBuilder builder)
    {
        // One JSON configuration, shared by FastEndpoints, minimal APIs and Alba.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        if (builder.Configuration.GetSection(OnboardingOptions.Section).Get<OnboardingOptions>()?.IsSandbox == true)
        {
            // ./run.sh: one short line per event worth seeing (mirrored, bot answered, handed off, registered).
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning)
                .AddFilter("FastEndpoints", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning)
                .AddFilter("Onboarding.Data.Migrations", LogLevel.Warning);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            // Without a format the JSON lines carry no timestamp at all.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(builder.Configuration.GetSection(IdleMemoryTrimOptions.Section).Get<IdleMemoryTrimOptions>() ?? new IdleMemoryTrimOptions());
        builder.Services.AddHostedService<IdleMemoryTrim>();

        // SIGTERM ends the host within 10 s whatever is down: stopping services (the pump, the scheduler) get 8 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Kestrel's refusals (a body over the size limit, a body cut short) are the client's doing: say which.
            if (c.Exception is BadHttpRequestException bad)
            {
                c.ProblemDetails.Title ??= ReasonPhrases.GetReasonPhrase(bad.StatusCode);
                c.ProblemDetails.Detail = bad.Message;
            }
        });
        builder.Services.AddExceptionHandler<Errors.UnhandledExceptionLogger>();
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e =>
            e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddNpgSql(name: "postgres", tags: ["ready"]);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>This assembly's endpoints, and those of <paramref name="extraAssemblies"/> (the Sandbox program's).</summary>
    public static IServiceCollection AddOnboardingEndpoints(this IServiceCollection services, IReadOnlyList<Assembly> extraAssemblies)
    {
        services.AddFastEndpoints(o => o.Assemblies = [typeof(HostingExtensions).Assembly, .. extraAssemblies]);
        services.AddSingleton<Features.Drivers.RegisterDriver.RegistrationChats>();
        services.AddSingleton<Features.Drivers.RegisterDriver.RegistrationConflictNote>();
        services.AddSingleton(sp => new Features.Analytics.Funnel.FlowQuestionNames(
            sp.GetRequiredService<IConfiguration>()["Funnel:FlowFolder"] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "typebot-flows"),
            sp.GetRequiredService<ILogger<Features.Analytics.Funnel.FlowQuestionNames>>()));
        services.AddSingleton<Features.Documents.DocumentProgress>();
        services.AddSingleton<Features.Documents.ChecklistCompleteNote>();
        services.AddSingleton<Features.Documents.StoreDocument.DocumentFileIntake>();
        services.SwaggerDocument(o =>
        {
            o.EnableJWTBearerAuth = false;
            o.AutoTagPathSegmentIndex = 0;
            o.ShortSchemaNames = true;
            o.DocumentSettings = s =>
            {
                s.DocumentName = "v1";
                s.Title = "Onboarding API";
                s.Version = "v1";
                s.OperationProcessors.Add(new Features.Drivers.RegisterDriver.RegisterDriverOpenApi());
                s.AddAuth(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
                {
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    In = OpenApiSecurityApiKeyLocation.Header,
                    Type = OpenApiSecuritySchemeType.ApiKey,
                });
            };
        });
        return services;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseOnboardingApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseJsonContentTypeGuard();
        app.UseFastEndpoints(c =>
        {
            c.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            c.Errors.UseProblemDetails(p => p.IndicateErrorCode = true);
            c.Errors.ProducesMetadataType = typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
        });
        // NSwag builds the document's server URL from Host and X-Forwarded-*, throws on a malformed one, and caches
        // that document (or that exception) for every later caller. The document names no server (clients use its own
        // origin), and those headers never reach it.
        app.UseWhen(c => c.Request.Path.Value?.EndsWith("/swagger.json", StringComparison.OrdinalIgnoreCase) == true, swagger => swagger.Use((c, next) =>
        {
            c.Request.Host = new HostString("localhost");
            c.Request.Headers.Remove("X-Forwarded-Host");
            c.Request.Headers.Remove("X-Forwarded-Proto");
            c.Request.Headers.Remove("X-Forwarded-Prefix");
            return next(c);
        }));
        app.UseSwaggerGen(o => o.PostProcess = (document, _) => document.Servers.Clear());
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapConsole();
        return app;
    }
}
