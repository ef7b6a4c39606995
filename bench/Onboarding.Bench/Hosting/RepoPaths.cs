using System.Diagnostics;

namespace Onboarding.Bench.Hosting;

/// <summary>Where the repository and the host's build output are, found from any directory inside the repository.</summary>
public static class RepoPaths
{
    /// <summary>The directory holding <c>Onboarding.sln</c>, searched upwards from <paramref name="from"/> (default: this assembly's folder).</summary>
    public static string Root(string? from = null)
    {
        for (var dir = new DirectoryInfo(from ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Onboarding.sln above {from ?? AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// <c>src/Onboarding.Api/bin/{configuration}/net10.0/Onboarding.Api.dll</c>: the configuration this assembly was built
    /// in when that output exists, else the other one (Release or Debug).
    /// </summary>
    public static string ApiDll(string? root = null)
    {
        root ??= Root();
        var own = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var candidates = new[] { own, own == "Release" ? "Debug" : "Release" }
            .Select(c => Path.Combine(root, "src", "Onboarding.Api", "bin", c, "net10.0", "Onboarding.Api.dll"))
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"The host is not built: none of {string.Join(", ", candidates)} exists. Run dotnet build first.");
    }

    /// <summary>The commit measured: <c>BENCH_COMMIT</c> when set (run.sh), else <c>git rev-parse --short HEAD</c>.</summary>
    public static string Commit(string root)
    {
        if (Environment.GetEnvironmentVariable("BENCH_COMMIT") is { Length: > 0 } set)
        {
            return set;
        }

        try
        {
            var git = new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(git)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
