using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Data.Applications;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Drivers;
using Onboarding.Data.Idempotency;
using Onboarding.Data.Migrations;

namespace Onboarding.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Onboarding";

    /// <summary>Registers the one NpgsqlDataSource, Dapper conventions, the migrator and the repositories.</summary>
    public static IServiceCollection AddOnboardingData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"The setting ConnectionStrings:{ConnectionStringName} (environment ConnectionStrings__{ConnectionStringName}) is required.");
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddNpgsqlDataSource(PreparedStatements.Apply(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DriverRepository>();
        services.AddSingleton<DriverDataCopies>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ApplicationProgress>();
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>();
        services.AddSingleton<DocumentChecklist>();
        services.AddSingleton<DocumentStore>();
        return services;
    }
}
