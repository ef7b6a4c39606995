using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Onboarding.Bridge;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bench.Hosting;

/// <summary>
/// The fakes of WPPConnect and Chatwoot (and of the Cloud API, when the host runs over it) in this process on loopback,
/// and the host as a separate process on its own database and a fixed port (so it can be killed and started again
/// where the fakes' webhooks point).
/// </summary>
public sealed class BridgeRig : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly string _apiDll;
    private readonly RigOptions _options;
    private readonly Dictionary<string, string> _environment;
    private int _starts;

    private BridgeRig(string apiDll, RigOptions options, string connectionString, Uri hostUrl, FakeWppConnect wpp, FakeChatwoot chatwoot, FakeCloudApi? cloud)
    {
        _apiDll = apiDll;
        _options = options;
        ConnectionString = connectionString;
        HostUrl = hostUrl;
        Wpp = wpp;
        Chatwoot = chatwoot;
        Cloud = cloud;
        _environment = HostSettings.For(connectionString, wpp, chatwoot, cloud, options.Settings);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = hostUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public FakeWppConnect Wpp { get; }

    public FakeChatwoot Chatwoot { get; }

    /// <summary>The fake Cloud API when the host runs over it (<see cref="RigOptions.Transport"/>), else null.</summary>
    public FakeCloudApi? Cloud { get; }

    public string ConnectionString { get; }

    public Uri HostUrl { get; }

    /// <summary>A client for the host (pooled connections, as a load generator would hold).</summary>
    public HttpClient Http { get; }

    public HostProcess Host { get; private set; } = null!;

    public Uri WppWebhookUrl => new(HostUrl, "/webhooks/wppconnect/" + HostSettings.WebhookToken);

    public Uri CloudWebhookUrl => new(HostUrl, "/webhooks/cloudapi");

    public static async Task<BridgeRig> StartAsync(string apiDll, string connectionString, RigOptions options, CancellationToken ct)
    {
        var hostUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var wppOptions = new FakeWppConnectOptions
        {
            SecretKey = HostSettings.WppSecretKey,
            WebhookUrl = options.Webhooks ? new Uri(hostUrl, "/webhooks/wppconnect/" + HostSettings.WebhookToken) : null,
        };
        if (options.WppWebhookJitter is { } jitter)
        {
            wppOptions.WebhookJitter = jitter;
        }

        var wpp = await FakeWppConnect.StartAsync(wppOptions, ct);
        var chatwootOptions = new FakeChatwootOptions
        {
            ApiToken = HostSettings.ChatwootApiToken,
            WebhookUrl = new Uri(hostUrl, "/webhooks/chatwoot"),
            WebhookSecret = HostSettings.ChatwootSecret,
        };
        options.Chatwoot?.Invoke(chatwootOptions);
        var chatwoot = await FakeChatwoot.StartAsync(chatwootOptions, ct);
        FakeCloudApi? cloud = null;
        if (options.Transport == WhatsAppTransport.CloudApi)
        {
            var cloudOptions = CloudApiSandbox.Options(0, hostUrl, HostSettings.CloudApiAppSecret);
            options.CloudApi?.Invoke(cloudOptions);
            cloud = await FakeCloudApi.StartAsync(cloudOptions, ct);
        }

        var rig = new BridgeRig(apiDll, options, connectionString, hostUrl, wpp, chatwoot, cloud);
        await rig.StartHostAsync(ct);
        return rig;
    }

    /// <summary>Before a fault scenario: the fakes without faults, and the host running (a previous one may have killed it).</summary>
    public async Task ReadyForScenarioAsync(CancellationToken ct)
    {
        Wpp.Faults.Reset();
        Chatwoot.Faults.Reset();
        Cloud?.Faults.Reset();
        if (Host.HasExited)
        {
            await StartHostAsync(ct);
        }

        await ChatwootBudgetRoomAsync(ct);
    }

    /// <summary>
    /// The scenarios follow each other within a minute, and the Chatwoot request budget counts a sliding minute
    /// (docs/0030): a scenario started with the minute nearly spent measures the budget's wait, not its fault (a fast
    /// run of the Cloud API suite spent it by its third scenario and waited 45 s). Waits, a minute at most, until the
    /// last minute's permits leave half the budget.
    /// </summary>
    private async Task ChatwootBudgetRoomAsync(CancellationToken ct)
    {
        var perMinute = _environment.TryGetValue("Chatwoot__RequestsPerMinute", out var set)
            ? int.Parse(set, CultureInfo.InvariantCulture)
            : new ChatwootOptions().RequestsPerMinute;
        var waited = Stopwatch.StartNew();
        while (perMinute > 0 && waited.Elapsed < TimeSpan.FromMinutes(1) && await ScalarAsync(
            $"SELECT count(*) FROM governor_grants WHERE budget = '{ChatwootBudgetHandler.BudgetName}' AND granted_at > now() - interval '1 minute'", ct) > perMinute / 2)
        {
            await Task.Delay(500, ct);
        }
    }

    /// <summary>Starts the host (again, after <see cref="KillHost"/>) on the same port and database; returns when ready.</summary>
    public async Task StartHostAsync(CancellationToken ct)
    {
        var log = Path.Combine(_options.LogDirectory ?? Path.GetTempPath(), $"onboarding-{_options.Name}-{Environment.ProcessId}.log");
        if (_starts++ == 0 && File.Exists(log))
        {
            File.Delete(log);
        }

        Host = HostProcess.Start(_apiDll, HostUrl, _environment, log);
        await Host.WaitReadyAsync(ReadyTimeout, ct);
    }

    /// <summary>SIGKILL to the host, as a crash or an OOM kill would.</summary>
    public void KillHost() => Host.Kill();

    /// <summary>Runs one statement of the bench's own (a TRUNCATE, an ANALYZE) on the host's database.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A count from the host's database; <c>@chats</c> in <paramref name="sql"/> is bound to <paramref name="chats"/>.</summary>
    public async Task<long> ScalarAsync(string sql, CancellationToken ct, IEnumerable<string>? chats = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        if (chats is not null)
        {
            command.Parameters.AddWithValue("chats", chats.ToArray());
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Ledger rows not yet in a final state.</summary>
    public Task<long> PendingInboundAsync(CancellationToken ct) =>
        ScalarAsync("SELECT count(*) FROM inbound_messages WHERE state = 'pending'", ct);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Wpp.DisposeAsync();
        await Chatwoot.DisposeAsync();
        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
