using System.Diagnostics;
using System.Globalization;

namespace Onboarding.Bench.Hosting;

/// <summary>
/// Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c>, in MB (10^6 bytes): VmRSS, VmHWM and the resident
/// split: anonymous (GC heap, stacks, native allocations), file-backed (mapped libraries) and shared (the runtime maps
/// its code and loader heaps twice, writable and executable, through shared memory: W^X).
/// </summary>
public readonly record struct MemoryReading(double RssMB, double PeakRssMB, double AnonMB = 0, double FileMB = 0, double SharedMB = 0);

/// <summary>
/// <c>dotnet Onboarding.Api.dll</c> as a child process, configured only through environment variables as in production,
/// its output appended to a log file. It can be killed with SIGKILL (a crash) or stopped with SIGTERM.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseUrl, string logPath)
    {
        _process = process;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host listening on <paramref name="baseUrl"/>; the shell <c>exec</c>s, so the pid is the host's own.</summary>
    public static HostProcess Start(string apiDll, Uri baseUrl, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$1\" >>\"$2\" 2>&1");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Path.GetFullPath(apiDll));
        start.ArgumentList.Add(logPath);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseUrl, logPath);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (database reachable and migrated).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready:\n{LogTail(40)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"The host was not ready within {timeout.TotalSeconds} s:\n{LogTail(40)}");
    }

    /// <summary>SIGKILL: no shutdown hooks, in-flight requests and transactions are cut where they are.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>The exit code once the process has ended.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// SIGTERM and a graceful shutdown; SIGKILL if it takes longer than <paramref name="grace"/>. True when it ended
    /// by itself within the grace.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            term?.WaitForExit(5000);
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>VmRSS, VmHWM (the peak) and the anonymous, file-backed and shared parts of the host process's resident memory.</summary>
    public MemoryReading ReadMemory()
    {
        var fields = File.ReadLines($"/proc/{Pid}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("VmHWM:", StringComparison.Ordinal)
                || line.StartsWith("Rss", StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf(':')], line => Kilobytes(line) * 1024 / 1_000_000.0);
        return new MemoryReading(fields.GetValueOrDefault("VmRSS"), fields.GetValueOrDefault("VmHWM"),
            fields.GetValueOrDefault("RssAnon"), fields.GetValueOrDefault("RssFile"), fields.GetValueOrDefault("RssShmem"));
    }

    public string LogTail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
