using System.Diagnostics;

namespace Onboarding.Tests.Shared;

/// <summary>
/// Where the tests' S3-compatible server answers, the keys it accepts, and whether it refuses unsigned requests to
/// private objects (MinIO, AWS: yes; s3rver: no).
/// </summary>
public sealed record S3TestEndpoint(Uri Url, string AccessKey, string SecretKey, bool EnforcesAccess);

/// <summary>
/// The real S3-compatible server the storage tests run against: the one <c>./test.sh</c> started
/// (<c>ONBOARDING_TEST_S3_URL</c>, with <c>ONBOARDING_TEST_S3_ACCESS_KEY</c>, <c>_SECRET_KEY</c> and
/// <c>_ENFORCES_ACCESS</c> for another store), or else one this process starts with <c>scripts/s3.sh</c> (s3rver),
/// which ends with it. <c>ONBOARDING_TEST_S3=skip</c> skips these tests, saying so; nothing else does.
/// </summary>
public static class S3TestServer
{
    private static readonly Lazy<Task<S3TestEndpoint>> Started = new(StartAsync);

    public static Task<S3TestEndpoint> GetAsync()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("ONBOARDING_TEST_S3"), "skip", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip("ONBOARDING_TEST_S3=skip: the S3-compatible server tests were not run.");
        }

        return Started.Value;
    }

    private static async Task<S3TestEndpoint> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("ONBOARDING_TEST_S3_URL");
        if (!string.IsNullOrEmpty(given))
        {
            return new S3TestEndpoint(new Uri(given), Environment.GetEnvironmentVariable("ONBOARDING_TEST_S3_ACCESS_KEY") ?? "S3RVER",
                Environment.GetEnvironmentVariable("ONBOARDING_TEST_S3_SECRET_KEY") ?? "S3RVER",
                string.Equals(Environment.GetEnvironmentVariable("ONBOARDING_TEST_S3_ENFORCES_ACCESS"), "true", StringComparison.OrdinalIgnoreCase));
        }

        var script = RepositoryFile(Path.Combine("scripts", "s3.sh"));
        var dir = Directory.CreateTempSubdirectory("onboarding-s3-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "start", dir, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/s3.sh could not start the S3-compatible server (exit {process.ExitCode}): {await errors}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(script, dir);
        return new S3TestEndpoint(new Uri((await output).Trim()), "S3RVER", "S3RVER", EnforcesAccess: false);
    }

    private static void Stop(string script, string dir)
    {
        using var stop = Process.Start("bash", [script, "stop", dir]);
        stop.WaitForExit();
        Directory.Delete(dir, recursive: true);
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
