using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real host on a loopback Kestrel port with both roles, wired over real HTTP to the WPPConnect and Chatwoot
/// fakes, on its own database: what production runs, minus the real services.
/// </summary>
public class BridgeFixture : IAsyncLifetime
{
    public const string WebhookToken = "e2e-wpp-webhook-token";
    public const string ChatwootSecret = "e2e-chatwoot-secret";

    private WebApplicationFactory<Program>? _factory;

    public TestDatabase Database { get; private set; } = null!;

    public FakeWppConnect Wpp { get; private set; } = null!;

    public FakeChatwoot Chatwoot { get; private set; } = null!;

    public Uri HostUrl { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var port = FreePort();
        HostUrl = new Uri($"http://127.0.0.1:{port}");
        Http.BaseAddress = HostUrl;
        Wpp = await FakeWppConnect.StartAsync(WppOptions());
        Chatwoot = await FakeChatwoot.StartAsync(ChatwootOptions());

        await StartExtrasAsync();
        _factory = StartHost(port);
    }

    /// <summary>Stops the host (a deploy or a crash); the fakes and the database stay.</summary>
    public async Task StopHostAsync() => await _factory!.DisposeAsync();

    /// <summary>Starts the host again on its port and database (after <see cref="StopHostAsync"/>).</summary>
    public void StartHost() => _factory = StartHost(HostUrl.Port);

    /// <summary>The WPPConnect fake's settings (a subclass gives its own secrets).</summary>
    protected virtual FakeWppConnectOptions WppOptions() => new() { WebhookUrl = new Uri(HostUrl, "/webhooks/wppconnect/" + WebhookToken) };

    protected virtual FakeChatwootOptions ChatwootOptions() => new() { WebhookUrl = new Uri(HostUrl, "/webhooks/chatwoot"), WebhookSecret = ChatwootSecret };

    /// <summary>More host configuration (a subclass's logger provider).</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    /// <summary>The host's ASP.NET Core environment.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>More services to start before the host (a subclass's emulator).</summary>
    protected virtual Task StartExtrasAsync() => Task.CompletedTask;

    /// <summary>More settings for the host.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    /// <summary>Another replica of the host on the same database and fakes (clustered scheduler, shared work).</summary>
    public WebApplicationFactory<Program> StartReplica(IReadOnlyDictionary<string, string>? overrides = null) =>
        StartHost(0, overrides);

    /// <summary>Where a host started on port 0 listens (Kestrel picks the port as it binds).</summary>
    public static Uri AddressOf(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private WebApplicationFactory<Program> StartHost(int port, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = BaseSettings();
        foreach (var (key, value) in ExtraSettings().Concat(overrides ?? new Dictionary<string, string>()))
        {
            settings[key] = value;
        }

        return Launch(settings, port, ConfigureHost);
    }

    /// <summary>
    /// A host in <see cref="EnvironmentName"/> with exactly <paramref name="settings"/>, on loopback at
    /// <paramref name="port"/> (0: Kestrel takes a free port as it binds; read it with <see cref="AddressOf"/>), started.
    /// A host that fails to start is disposed and its exception thrown.
    /// </summary>
    protected WebApplicationFactory<Program> Launch(IReadOnlyDictionary<string, string> settings, int port, Action<IWebHostBuilder>? configure = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(EnvironmentName);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            configure?.Invoke(b);
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        try
        {
            factory.StartServer();
            return factory;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>The host's settings before <see cref="ExtraSettings"/>: both roles against the fakes.</summary>
    protected virtual Dictionary<string, string> BaseSettings() => new()
    {
        ["ConnectionStrings:Onboarding"] = Database.ConnectionString,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Api:Keys:0:Name"] = "staff-e2e",
        ["Api:Keys:0:Key"] = "e2e-staff-key-0123456789",
        ["Api:Keys:0:Role"] = "staff",
        ["Onboarding:Roles"] = "api,bridge",
        ["WppConnect:BaseUrl"] = Wpp.BaseUrl.ToString(),
        ["WppConnect:Session"] = "leguas",
        ["WppConnect:SecretKey"] = new FakeWppConnectOptions().SecretKey,
        ["WppConnect:WebhookToken"] = WebhookToken,
        ["Chatwoot:BaseUrl"] = Chatwoot.BaseUrl.ToString(),
        ["Chatwoot:AccountId"] = Chatwoot.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chatwoot:InboxId"] = Chatwoot.InboxId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chatwoot:ApiToken"] = Chatwoot.ApiToken,
        ["Chatwoot:WebhookSecret"] = ChatwootSecret,
        // Quick retries so outage tests finish in seconds; the budget still ends in a dead letter.
        ["Bridge:FirstRetryDelay"] = "00:00:00.100",
        ["Bridge:MaxRetryDelay"] = "00:00:00.500",
        ["Bridge:PerChatGap"] = "00:00:00",
        // The number's budgets, gaps and typing time would slow every scenario; NumberSafetyFixture keeps the defaults.
        ["Governor:Replies:PerMinute"] = "0",
        ["Governor:ServiceNotices:PerMinute"] = "0",
        ["Governor:ServiceNotices:PerHour"] = "0",
        ["Governor:ServiceNotices:PerDay"] = "0",
        ["Governor:NewChatsPerDay"] = "0",
        ["Governor:MinGap"] = "00:00:00",
        ["Governor:MaxGap"] = "00:00:00",
        ["Governor:TypingMax"] = "00:00:00",
        // Tests run the catch-up themselves; the scheduled one would walk chats left by earlier tests.
        ["Bridge:CatchUpInterval"] = "01:00:00",
    };

    public virtual async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Wpp.DisposeAsync();
        await Chatwoot.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BridgeCollection : ICollectionFixture<BridgeFixture>
{
    public const string Name = "bridge";
}
