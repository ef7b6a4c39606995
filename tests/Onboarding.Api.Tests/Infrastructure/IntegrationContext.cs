using Alba;
using Dapper;
using Npgsql;

namespace Onboarding.Api.Tests.Infrastructure;

/// <summary>
/// Base of every test that talks to the host: the database is emptied before each test (not after, so a failing
/// test leaves its rows to inspect).
/// </summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationContext(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    protected IAlbaHost Host => App.Host;

    public virtual async ValueTask InitializeAsync() => await App.Database.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected async Task<T> QuerySingleAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        return await connection.QuerySingleAsync<T>(sql, args);
    }

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        return (await connection.QueryAsync<T>(sql, args)).AsList();
    }
}
