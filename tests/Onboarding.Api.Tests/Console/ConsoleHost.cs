using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// The real host on a loopback Kestrel port (a browser cannot reach Alba's in-memory server): Onboarding.Api.dll (or
/// the Sandbox program) from the test output, run as a child process on its own database, plus headless Chromium from
/// the OS package.
/// </summary>
public partial class ConsoleHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private IPlaywright? _playwright;

    public TestDatabase Database { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the browser tests leave their screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>What the host wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Task.WhenAll(StartHostAsync(), StartBrowserAsync());
    }

    private async Task StartHostAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, Program);
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: the test project references its project, so the build copies it.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["DOTNET_ENVIRONMENT"] = "Testing";
        env["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        env["ConnectionStrings__Onboarding"] = Database.ConnectionString;
        env["Api__Keys__0__Name"] = "staff-console";
        env["Api__Keys__0__Key"] = AppFixture.StaffKey;
        env["Api__Keys__0__Role"] = "staff";
        env["Api__Keys__1__Name"] = "typebot-test";
        env["Api__Keys__1__Key"] = AppFixture.TypebotKey;
        env["Api__Keys__1__Role"] = "typebot";
        foreach (var (key, value) in Settings())
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(
            new InvalidOperationException($"The host exited before listening:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            BaseAddress = await _listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The host did not listen within {StartTimeout.TotalSeconds} s:\n{Output}");
        }

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        // Listening comes before ready: the clustered scheduler of a bridge replica starts just after.
        var status = 0;
        await Eventually.TrueAsync(async () =>
        {
            using var ready = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            status = (int)ready.StatusCode;
            return ready.IsSuccessStatusCode;
        }, "the host to be ready", 60);
        status.ShouldBe(200, Output);
    }

    /// <summary>The program to run: the production one here.</summary>
    protected virtual string Program => "Onboarding.Api.dll";

    /// <summary>Settings beyond the database and the keys (as configuration keys): the records API alone, no bridge.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => AppFixture.BridgeSettings;

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private async Task StartBrowserAsync()
    {
        // The OS package is the only browser: nothing is downloaded, and a missing one fails the test.
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing: install it with apt-get install -y chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 30_000,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Registers a driver the way the Typebot flow does; returns its id.</summary>
    public async Task<Guid> RegisterAsync(Dictionary<string, object?> registration)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/register_driver_typebot")
        {
            Content = JsonContent.Create(registration),
        };
        request.Headers.Add("X-Api-Key", AppFixture.TypebotKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("driver_id").GetGuid();
    }

    /// <summary>Changes a driver's status as another member of staff would, behind the browser's back.</summary>
    public async Task ChangeStatusAsync(Guid id, string status, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drivers/{id}/status")
        {
            Content = JsonContent.Create(new { status, version }),
        };
        request.Headers.Add("X-Api-Key", AppFixture.StaffKey);
        using var response = await Http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
