using System.Diagnostics;

namespace Onboarding.Api.Tests.Flows.Check;

/// <summary><c>dotnet Onboarding.Api.dll flows check &lt;file&gt;</c> as an operator runs it: a child process, no database.</summary>
public sealed class FlowsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flows-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(ShippedFlow.Portuguese)]
    [InlineData(ShippedFlow.English)]
    public async Task The_shipped_flows_pass_with_their_one_accepted_warning(string flow)
    {
        var run = await RunAsync("flows", "check", ShippedFlow.PathOf(flow));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Lines.ShouldBe(
        [
            "warning [whatsapp-too-many-choices] group \"Distrito\", block 2 (choice input): 20 choices in one question make a numbered list of 20 lines on a phone; keep to 10 or split the question",
            $"{ShippedFlow.PathOf(flow)}: warning (0 errors, 1 warning)",
        ]);
    }

    [Fact]
    public async Task A_broken_copy_fails_with_one_line_per_finding_errors_first()
    {
        var root = ShippedFlow.Copy();
        var webhook = ShippedFlow.Webhook(root);
        webhook["body"] = webhook["body"]!.GetValue<string>().Replace("  \"phone\": \"{{phone}}\",\n", "", StringComparison.Ordinal);
        ShippedFlow.Header(root, "X-Api-Key")["value"] = "9f3K2mQ7xL5vR8tY1wB4";
        var file = Write("broken.json", root.ToJsonString());

        var run = await RunAsync("flows", "check", file);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Lines.ShouldBe(
        [
            "error   [secret-in-flow] group \"Enviar candidatura\", block 2 (Webhook): the X-Api-Key header holds a literal key (\"9f3K…\"); never keep a real key in the file: the value must be the placeholder __ONBOARDING_API_KEY__, replaced by the real key in Typebot after import",
            "error   [api-body-missing-required] group \"Enviar candidatura\", block 2 (Webhook): required field \"phone\" is missing from the body",
            "warning [whatsapp-too-many-choices] group \"Distrito\", block 2 (choice input): 20 choices in one question make a numbered list of 20 lines on a phone; keep to 10 or split the question",
            $"{file}: error (2 errors, 1 warning)",
        ]);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_an_error_not_a_crash()
    {
        var file = Write("truncated.json", ShippedFlow.Json()[..200]);

        var run = await RunAsync("flows", "check", file);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Lines[0].ShouldStartWith("error   [flow-not-json] the file is not valid JSON");
        run.Lines[^1].ShouldBe($"{file}: error (1 error, 0 warnings)");
    }

    [Theory]
    [InlineData("flows")]
    [InlineData("flows", "check")]
    [InlineData("flows", "lint", "x.json")]
    [InlineData("flows", "check", "a.json", "b.json")]
    public async Task Wrong_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("usage: dotnet Onboarding.Api.dll flows check <file>");
        run.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_it()
    {
        var missing = Path.Combine(_directory, "nowhere.json");

        var run = await RunAsync("flows", "check", missing);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{missing}: cannot read the file");
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs the host's dll (copied next to this assembly) from an empty directory: no appsettings, no database.</summary>
    private async Task<CommandRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__Onboarding");
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new CommandRun(process.ExitCode, lines, await error);
    }

    private sealed record CommandRun(int ExitCode, string[] Lines, string Error);
}
