using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Onboarding.Data.Migrations;
using Onboarding.Tests.Shared;

namespace Onboarding.Api.Tests.Deploy;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh as an operator runs them, against the test cluster: a migrated database
/// with a driver and its history survives the round trip, and a restore never overwrites tables unasked.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static readonly string RepoRoot = FindRepoRoot();

    private readonly List<TestDatabase> _databases = [];
    private readonly DirectoryInfo _backups = Directory.CreateTempSubdirectory("onboarding-backup-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _backups.Delete(recursive: true);
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_brings_back_the_rows_and_the_migration_journal()
    {
        var source = await MigratedDatabaseAsync();
        var driverId = await InsertDriverAsync(source, "+351915211836", "Maria da Silva Santos");

        var backup = await RunScriptAsync("backup.sh", PgEnvironment(source), _backups.FullName);

        backup.ExitCode.ShouldBe(0, backup.Output);
        var file = backup.Stdout.Trim();
        Path.GetDirectoryName(file).ShouldBe(_backups.FullName);
        Path.GetFileName(file).ShouldMatch($@"^{source.Name}-\d{{8}}T\d{{6}}Z\.dump$");
        (await File.ReadAllBytesAsync(file, Ct))[..5].ShouldBe("PGDMP"u8.ToArray());

        var target = await EmptyDatabaseAsync();
        var restore = await RunScriptAsync("restore.sh", new Dictionary<string, string?>(), "--url", PgUrl(target), file);

        restore.ExitCode.ShouldBe(0, restore.Output);
        await using var restored = new NpgsqlConnection(target.ConnectionString);
        var driver = await restored.QuerySingleAsync<(string Phone, string FullName, string Status)>(new CommandDefinition(
            "SELECT phone_e164, full_name, status FROM drivers WHERE id = @driverId", new { driverId }, cancellationToken: Ct));
        driver.ShouldBe(("+351915211836", "Maria da Silva Santos", "submitted"));
        var history = (await restored.QueryAsync<(string ToStatus, string Actor)>(new CommandDefinition(
            "SELECT to_status, actor FROM driver_status_history WHERE driver_id = @driverId", new { driverId }, cancellationToken: Ct))).AsList();
        history.ShouldBe([("submitted", "typebot")]);
        (await JournalAsync(target)).ShouldBe(await JournalAsync(source));
        (await JournalAsync(target)).ShouldContain("db.0001_drivers.sql");

        // The identity sequences come back too: new history rows do not collide with restored ones.
        var next = await restored.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO driver_status_history (driver_id, from_status, to_status, actor) VALUES (@driverId, 'submitted', 'under_review', 'staff') RETURNING id",
            new { driverId }, cancellationToken: Ct));
        next.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Restore_refuses_a_database_that_already_has_tables_unless_told_yes()
    {
        var source = await MigratedDatabaseAsync();
        var backedUp = await InsertDriverAsync(source, "+351915211836", "Maria da Silva Santos");
        var backup = await RunScriptAsync("backup.sh", PgEnvironment(source), _backups.FullName);
        backup.ExitCode.ShouldBe(0, backup.Output);
        var file = backup.Stdout.Trim();
        var target = await MigratedDatabaseAsync();
        var existing = await InsertDriverAsync(target, "+351926000111", "João Pedro Costa");

        var refused = await RunScriptAsync("restore.sh", PgEnvironment(target), file);

        refused.ExitCode.ShouldBe(3, refused.Output);
        refused.Stderr.ShouldContain("--yes");
        (await DriverIdsAsync(target)).ShouldBe([existing]);

        var forced = await RunScriptAsync("restore.sh", PgEnvironment(target), "--yes", file);

        forced.ExitCode.ShouldBe(0, forced.Output);
        (await DriverIdsAsync(target)).ShouldBe([backedUp]);
    }

    private async Task<TestDatabase> EmptyDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        return database;
    }

    private async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = await EmptyDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(Ct);
        return database;
    }

    private static async Task<Guid> InsertDriverAsync(TestDatabase database, string phone, string fullName)
    {
        const string sql = """
            INSERT INTO drivers (id, phone_e164, full_name, district_code, vehicle_type, licence_categories)
            VALUES (@id, @phone, @fullName, 'PT-11', 'car', '{B}');
            INSERT INTO driver_status_history (driver_id, from_status, to_status, reason, actor)
            VALUES (@id, NULL, 'submitted', NULL, 'typebot');
            """;
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, phone, fullName }, cancellationToken: Ct));
        return id;
    }

    private static async Task<List<Guid>> DriverIdsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return (await connection.QueryAsync<Guid>(new CommandDefinition("SELECT id FROM drivers ORDER BY id", cancellationToken: Ct))).AsList();
    }

    private static async Task<List<string>> JournalAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT scriptname FROM schema_versions ORDER BY scriptname", cancellationToken: Ct))).AsList();
    }

    /// <summary>The database as libpq environment variables, the way an operator's shell or a cron job names it.</summary>
    private static Dictionary<string, string?> PgEnvironment(TestDatabase database)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return new Dictionary<string, string?>
        {
            ["PGHOST"] = cs.Host,
            ["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = cs.Username,
            ["PGPASSWORD"] = cs.Password,
            ["PGDATABASE"] = cs.Database,
            ["PGGSSENCMODE"] = "disable",
        };
    }

    /// <summary>The database as a connection URL, the other way the scripts accept.</summary>
    private static string PgUrl(TestDatabase database)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var credentials = Uri.EscapeDataString(cs.Username ?? "postgres")
            + (string.IsNullOrEmpty(cs.Password) ? "" : ":" + Uri.EscapeDataString(cs.Password));
        return $"postgresql://{credentials}@{cs.Host}:{cs.Port}/{Uri.EscapeDataString(cs.Database!)}?gssencmode=disable";
    }

    private static async Task<ScriptResult> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Onboarding.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Onboarding.sln not found above {AppContext.BaseDirectory}");
    }

    private sealed record ScriptResult(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}
