using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Data;
using Onboarding.Data.Documents.Files;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>
/// The host prepares its hot statements on the server (docs/0050), unless the operator's connection string says
/// otherwise, and a registration keeps working while a rolling deployment's migration adds a column under them.
/// </summary>
public sealed class PreparedStatementTests(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("Host=db;Database=onboarding;Username=app;Password=secret", 64)]
    [InlineData("Host=db;Database=onboarding;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=onboarding;max auto prepare=200", 200)]
    public void The_default_is_set_only_where_the_operator_set_nothing(string given, int expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PreparedStatements.Apply(given));

        applied.MaxAutoPrepare.ShouldBe(expected);
        applied.Host.ShouldBe("db");
        applied.Database.ShouldBe("onboarding");
    }

    [Fact]
    public void The_host_connects_with_prepared_statements_on() =>
        new NpgsqlConnectionStringBuilder(Host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString)
            .MaxAutoPrepare.ShouldBe(PreparedStatements.DefaultMaxAutoPrepare);

    [Fact]
    public async Task A_column_added_by_another_replica_does_not_break_prepared_registrations()
    {
        var ct = TestContext.Current.CancellationToken;
        // One pooled connection, so every call below runs on the session that holds the prepared statements.
        await using var dataSource = NpgsqlDataSource.Create(PreparedStatements.Apply(App.Database.ConnectionString) + ";Maximum Pool Size=1");
        var drivers = new DriverRepository(dataSource, new LocalDocumentFiles(Path.GetTempPath()));
        for (var i = 0; i < 8; i++)
        {
            (await drivers.RegisterAsync(Registration(i, i), "test", checklist: false, ct)).Result.ShouldBe(RegisterResult.Created);
        }

        await using (var session = await dataSource.OpenConnectionAsync(ct))
        {
            (await session.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%by_phone%'")).ShouldBe(1);
        }

        await ExecuteAsync("ALTER TABLE drivers ADD COLUMN added_by_next_release text");
        try
        {
            (await drivers.RegisterAsync(Registration(9, 9), "test", checklist: false, ct)).Result.ShouldBe(RegisterResult.Created);
            (await drivers.RegisterAsync(Registration(1, 1), "test", checklist: false, ct)).Result.ShouldBe(RegisterResult.Updated);
            (await drivers.RegisterAsync(Registration(8, 1), "test", checklist: false, ct)).Result.ShouldBe(RegisterResult.NifTaken);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE drivers DROP COLUMN added_by_next_release");
        }
    }

    /// <summary>Driver <paramref name="n"/> from their own chat, with the NIF of driver <paramref name="nifOf"/>.</summary>
    private static DriverRegistration Registration(int n, int nifOf) => new()
    {
        PhoneE164 = $"+35191000000{n}",
        WaChatId = $"35191000000{n}@c.us",
        FullName = "Maria da Silva Santos",
        Nif = DriverScenarios.ValidNif(nifOf),
        DistrictCode = "PT-11",
        VehicleType = "car",
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.ExecuteAsync(sql);
    }
}
