using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// What the production image ships: deploy/Dockerfile's own restore and publish commands, run on this checkout into a
/// temporary folder (reusing the restored packages, so nothing is downloaded), give the host and the Typebot flow model
/// but no Sandbox, no fake and no JavaScript engine (docs/0022).
/// </summary>
public sealed partial class ImageContentsTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public void The_dockerfile_copies_restores_and_publishes_nothing_of_the_sandbox()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepoRoot, "deploy", "Dockerfile"));

        dockerfile.Where(l => !l.TrimStart().StartsWith('#')).ShouldNotContain(l => l.Contains("Sandbox", StringComparison.OrdinalIgnoreCase));
        dockerfile.ShouldNotContain(l => l.StartsWith("COPY src/ ", StringComparison.Ordinal), "the whole src/ would bring the Sandbox's sources");
        Command(dockerfile, "publish").ShouldBe("dotnet publish src/Onboarding.Api/Onboarding.Api.csproj -c Release --no-restore -o /app -p:UseAppHost=false");
    }

    [Fact]
    public async Task The_published_host_holds_the_flow_model_and_no_sandbox_fake_or_javascript_engine()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepoRoot, "deploy", "Dockerfile"));
        var output = Directory.CreateTempSubdirectory("onboarding-image-");
        try
        {
            await RunAsync(Arguments(Command(dockerfile, "restore")));
            var publish = Arguments(Command(dockerfile, "publish"));
            publish[publish.IndexOf("-o") + 1] = output.FullName;
            await RunAsync(publish);

            var files = output.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output.FullName, f.FullName)).ToList();
            files.ShouldContain("Onboarding.Api.dll");
            files.ShouldContain("Onboarding.Typebot.dll");
            files.ShouldContain("Onboarding.Bridge.dll");
            files.ShouldNotContain(f => Path.GetFileName(f).StartsWith("Onboarding.Sandbox", StringComparison.OrdinalIgnoreCase));
            files.ShouldNotContain(f => Path.GetFileName(f).StartsWith("Jint", StringComparison.OrdinalIgnoreCase));
            files.ShouldNotContain(f => LooksLikeAFake().IsMatch(f), "a file named like a fake or the emulator");
            // The shipped flow exports travel as data: the funnel and the nudges name questions and groups from them
            // (docs/0038, 0040); nothing in the image runs them.
            files.Where(f => f.StartsWith("typebot-flows", StringComparison.Ordinal))
                .ShouldAllBe(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal));

            // The runtime settings the benchmarks measured (workstation GC, no tier-0 pass; docs/0051) ship with the image.
            var runtime = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "Onboarding.Api.runtimeconfig.json"), TestContext.Current.CancellationToken))!["runtimeOptions"]!["configProperties"]!;
            runtime["System.GC.Server"]!.GetValue<bool>().ShouldBeFalse();
            runtime["System.Runtime.TieredCompilation.QuickJit"]!.GetValue<bool>().ShouldBeFalse();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The Dockerfile's <c>RUN dotnet &lt;verb&gt; …</c> line, without <c>RUN</c>.</summary>
    private static string Command(string[] dockerfile, string verb) =>
        dockerfile.Select(l => l.Trim()).Where(l => l.StartsWith($"RUN dotnet {verb} ", StringComparison.Ordinal)).ShouldHaveSingleItem()["RUN ".Length..];

    private static List<string> Arguments(string command) => [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static async Task RunAsync(List<string> command)
    {
        command[0].ShouldBe("dotnet");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // The SDK the test host runs under may point MSBuild at itself; the command runs as an operator types it. No
        // build server or compiler server is left behind once it ends.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.ExitCode.ShouldBe(0, $"{string.Join(' ', command)}\n{await stdout}\n{await stderr}");
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

    [GeneratedRegex("Fake|Emulator|Faults", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeAFake();
}
