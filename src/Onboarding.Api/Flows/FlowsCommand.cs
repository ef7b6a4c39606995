using Onboarding.Api.Flows.Check;

namespace Onboarding.Api.Flows;

/// <summary>
/// <c>dotnet Onboarding.Api.dll flows check &lt;file&gt;</c>: checks an exported Typebot flow without a database,
/// configuration or web host. Exit codes: 0 ok or warnings only, 1 errors, 2 usage or unreadable file.
/// </summary>
public static class FlowsCommand
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Unusable = 2;

    private const string Usage = """
        usage: dotnet Onboarding.Api.dll flows check <file>
          Checks an exported Typebot flow before it is published.
          Exit codes: 0 ok or warnings only, 1 errors found, 2 usage or unreadable file.
        """;

    /// <summary>Runs a <c>flows</c> command and returns its exit code, or null when the arguments are not one.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args is not ["flows", ..])
        {
            return null;
        }

        if (args is not ["flows", "check", var path])
        {
            await Console.Error.WriteLineAsync(Usage);
            return Unusable;
        }

        string json;
        try
        {
            json = await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"{path}: cannot read the file ({e.Message})");
            return Unusable;
        }

        var report = FlowChecker.Check(json);
        foreach (var finding in report.Findings)
        {
            await Console.Out.WriteLineAsync($"{FlowReportResponse.Text(finding.Severity),-7} [{finding.Rule}] {finding.Message}");
        }

        await Console.Out.WriteLineAsync($"{path}: {FlowReportResponse.Text(report.Verdict)} ({Count(report.Errors, "error")}, {Count(report.Warnings, "warning")})");
        return report.Errors > 0 ? Failed : Passed;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
