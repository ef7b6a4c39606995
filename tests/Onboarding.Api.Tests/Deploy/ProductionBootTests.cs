using System.Diagnostics;
using Onboarding.Tests.Shared;

namespace Onboarding.Api.Tests.Deploy;

/// <summary>
/// The host as an operator starts it (<c>dotnet Onboarding.Api.dll</c>, Production, settings from the environment):
/// a placeholder secret makes the process exit non-zero, naming the setting and never printing its value; so does the
/// Sandbox mode, which belongs to another program.
/// </summary>
public sealed class ProductionBootTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_placeholder_key_stops_the_process_with_a_non_zero_exit_naming_the_setting()
    {
        const string placeholder = "change-me-staff-api-key";
        var run = await BootAsync(new Dictionary<string, string>
        {
            ["Api__Keys__0__Key"] = placeholder,
        });

        run.ExitCode.ShouldNotBe(0);
        run.Output.ShouldContain("Api:Keys:0:Key");
        run.Output.ShouldNotContain(placeholder);
    }

    [Fact]
    public async Task Sandbox_mode_stops_the_production_program_pointing_at_run_sh()
    {
        var run = await BootAsync(new Dictionary<string, string>
        {
            ["Onboarding__Mode"] = "Sandbox",
            // The Sandbox would lift the check on secrets: a placeholder must not get through either way.
            ["Api__Keys__0__Key"] = "change-me-staff-api-key",
        });

        run.ExitCode.ShouldNotBe(0);
        run.Output.ShouldContain("Onboarding:Mode=Sandbox is refused");
        run.Output.ShouldContain("./run.sh");
        run.Output.ShouldNotContain("Now listening");
    }

    private async Task<(int ExitCode, string Output)> BootAsync(IReadOnlyDictionary<string, string> overrides)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Api.dll"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Onboarding"] = _database.ConnectionString,
            ["Onboarding__Roles"] = "api",
            ["Api__Keys__0__Name"] = "staff",
            ["Api__Keys__0__Role"] = "staff",
            ["Api__Keys__0__Key"] = "k" + Guid.NewGuid().ToString("N"),
            ["Chatwoot__WebhookSecret"] = "s" + Guid.NewGuid().ToString("N"),
            ["WppConnect__WebhookToken"] = "t" + Guid.NewGuid().ToString("N"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException("the host was still running after a minute: it accepted the settings");
        }

        return (process.ExitCode, await output + await error);
    }
}
