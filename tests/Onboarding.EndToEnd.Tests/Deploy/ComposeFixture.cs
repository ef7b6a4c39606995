using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Deploy;

/// <summary>
/// The host booted in Production with exactly the onboarding service's environment from <c>deploy/docker-compose.yml</c>
/// and <c>deploy/.env.example</c> (read from the files): every change-me placeholder replaced by a generated secret,
/// the Chatwoot values an operator copies from Chatwoot taken from the fake, and the other services' host names
/// (<c>postgres</c>, <c>wppconnect</c>, <c>chatwoot</c>, <c>typebot-viewer</c>, <c>onboarding</c>, <c>minio</c>) pointed at
/// the test database, the fakes, this host and the tests' S3-compatible server (<see cref="S3TestServer"/>, whose keys
/// stand for MinIO's) on loopback. A setting the Compose file forgets fails here.
/// </summary>
public sealed class ComposeFixture : BotFixture
{
    private Dictionary<string, string>? _variables;
    private S3TestEndpoint? _s3;

    public static string ComposeText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "docker-compose.yml"));

    /// <summary>The operator's <c>.env</c>: the example with fresh secrets and this host's public address.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables ??= OperatorEnv();

    public string StaffApiKey => Variables["ONBOARDING_STAFF_API_KEY"];

    /// <summary>The S3-compatible server standing for the Compose file's MinIO.</summary>
    public S3TestEndpoint S3 => _s3 ??= Task.Run(S3TestServer.GetAsync).GetAwaiter().GetResult();

    protected override string EnvironmentName => "Production";

    /// <summary>Every line the main host logged, at the levels its shipped configuration enables.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureLogging(l => l.AddProvider(Logs));

    protected override string TypebotApiKey => Variables["ONBOARDING_TYPEBOT_API_KEY"];

    protected override FakeWppConnectOptions WppOptions() => new()
    {
        Session = Variables["WPPCONNECT_SESSION"],
        SecretKey = Variables["WPPCONNECT_SECRET_KEY"],
        WebhookUrl = new Uri(HostUrl, "/webhooks/wppconnect/" + Variables["WPPCONNECT_WEBHOOK_TOKEN"]),
    };

    protected override FakeChatwootOptions ChatwootOptions() => new()
    {
        AccountId = int.Parse(Variables["CHATWOOT_ACCOUNT_ID"], System.Globalization.CultureInfo.InvariantCulture),
        InboxId = int.Parse(Variables["CHATWOOT_INBOX_ID"], System.Globalization.CultureInfo.InvariantCulture),
        ApiToken = Variables["CHATWOOT_API_TOKEN"],
        WebhookSecret = Variables["CHATWOOT_WEBHOOK_SECRET"],
        WebhookUrl = new Uri(HostUrl, "/webhooks/chatwoot"),
    };

    protected override async Task StartExtrasAsync()
    {
        await base.StartExtrasAsync();
        Typebot.LoadFlow(Variables["TYPEBOT_PUBLIC_ID"], await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", PublicId + ".json")));
    }

    protected override Dictionary<string, string> BaseSettings() => SettingsFrom(ComposeText, Variables);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    /// <summary>Boots another host with the environment of <paramref name="compose"/>; the boot's exception, or null when it started.</summary>
    public async Task<Exception?> TryBootAsync(string compose, IReadOnlyDictionary<string, string>? variableOverrides = null)
    {
        var (host, _, failure) = Boot(compose, variableOverrides);
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        return failure;
    }

    /// <summary>Another replica from <paramref name="compose"/> (variables overridden, settings removed); the caller disposes it.</summary>
    public (WebApplicationFactory<Program>? Host, Uri Url, Exception? Failure) Boot(string compose, IReadOnlyDictionary<string, string>? variableOverrides = null, IReadOnlyCollection<string>? removedSettings = null)
    {
        var variables = new Dictionary<string, string>(Variables);
        foreach (var (key, value) in variableOverrides ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var settings = SettingsFrom(compose, variables);
        foreach (var removed in removedSettings ?? [])
        {
            settings.Remove(removed);
        }

        try
        {
            var factory = Launch(settings, 0);
            return (factory, AddressOf(factory), null);
        }
        catch (Exception e)
        {
            return (null, new Uri("http://127.0.0.1:0"), e);
        }
    }

    private Dictionary<string, string> SettingsFrom(string compose, IReadOnlyDictionary<string, string> variables)
    {
        var hosts = new Dictionary<string, Uri>(StringComparer.Ordinal)
        {
            ["wppconnect"] = Wpp.BaseUrl,
            ["chatwoot"] = Chatwoot.BaseUrl,
            ["typebot-viewer"] = Typebot.BaseUrl,
            ["onboarding"] = HostUrl,
            ["minio"] = S3.Url,
        };
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ComposeEnvironment.OfService(compose, "onboarding", variables))
        {
            var setting = name.Replace("__", ":", StringComparison.Ordinal);
            settings[setting] = setting == "ConnectionStrings:Onboarding" ? OnLoopback(value)
                : Uri.TryCreate(value, UriKind.Absolute, out var uri) && hosts.TryGetValue(uri.Host, out var fake) ? new UriBuilder(uri) { Scheme = fake.Scheme, Host = fake.Host, Port = fake.Port }.Uri.ToString()
                : value;
        }

        return settings;
    }

    /// <summary>The Compose connection string with host <c>postgres</c> replaced by the test database.</summary>
    private string OnLoopback(string composed)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(composed);
        builder.Host.ShouldBe("postgres");
        var test = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString);
        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password) = (test.Host, test.Port, test.Database, test.Username, test.Password);
        return builder.ConnectionString;
    }

    private Dictionary<string, string> OperatorEnv()
    {
        var env = ComposeEnvironment.ParseDotEnv(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", ".env.example")));
        foreach (var key in env.Where(e => e.Value.Contains("change-me", StringComparison.Ordinal)).Select(e => e.Key).ToList())
        {
            env[key] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        // Chatwoot's own tokens are 24 characters (has_secure_token); the public address is this host's.
        env["CHATWOOT_API_TOKEN"] = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24);
        env["ONBOARDING_PUBLIC_URL"] = HostUrl.ToString();

        // MinIO's root account is the one the test server accepts.
        env["MINIO_ROOT_USER"] = S3.AccessKey;
        env["MINIO_ROOT_PASSWORD"] = S3.SecretKey;
        return env;
    }
}

[CollectionDefinition(Name)]
public sealed class ComposeCollection : ICollectionFixture<ComposeFixture>
{
    public const string Name = "compose";
}
