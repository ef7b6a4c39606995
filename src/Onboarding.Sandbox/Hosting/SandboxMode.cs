using System.Security.Cryptography;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Typebot.ChatApi;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Sandbox.Hosting;

/// <summary>The fakes the Sandbox runs in-process, disposed with the host: one WhatsApp transport's fake, Chatwoot and Typebot.</summary>
public sealed class SandboxServices(FakeWppConnect? wpp, FakeCloudApi? cloudApi, FakeChatwoot chatwoot, TypebotEmulator typebot) : IAsyncDisposable
{
    /// <summary>The WPPConnect fake (the default transport); null when the Sandbox runs the Cloud API.</summary>
    public FakeWppConnect? Wpp { get; } = wpp;

    /// <summary>The Cloud API fake (<c>./run.sh --cloud-api</c>); null when the Sandbox runs WPPConnect.</summary>
    public FakeCloudApi? CloudApi { get; } = cloudApi;

    public FakeChatwoot Chatwoot { get; } = chatwoot;

    public TypebotEmulator Typebot { get; } = typebot;

    public async ValueTask DisposeAsync()
    {
        await Typebot.DisposeAsync();
        await Chatwoot.DisposeAsync();
        if (Wpp is not null)
        {
            await Wpp.DisposeAsync();
        }

        if (CloudApi is not null)
        {
            await CloudApi.DisposeAsync();
        }
    }
}

/// <summary>
/// The Sandbox program's settings (<c>Onboarding:Mode=Sandbox</c>): WPPConnect (or, with <c>WhatsApp:Transport=CloudApi</c>,
/// the Cloud API), Chatwoot and Typebot fakes on loopback ports next to the host, and the host's settings pointed at
/// them, so the real clients and webhooks run over real HTTP without any account.
/// </summary>
public static class SandboxMode
{
    public const string FlowPublicId = "driver-onboarding";

    public static async Task AddSandboxAsync(this WebApplicationBuilder builder)
    {
        var hostUrl = new Uri((builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var basePort = builder.Configuration.GetValue("Sandbox:BasePort", hostUrl.Port);
        // Fixed when given, so captured webhooks can be replayed with curl against a known URL and secret.
        var webhookToken = builder.Configuration["Sandbox:WppConnectWebhookToken"] is { Length: > 0 } token ? token : RandomToken();
        var chatwootSecret = builder.Configuration["Sandbox:ChatwootWebhookSecret"] is { Length: > 0 } secret ? secret : RandomToken();
        var typebotKey = builder.Configuration.GetSection("Api:Keys").GetChildren()
            .FirstOrDefault(k => k["Role"] == "typebot")?["Key"] ?? "";

        var cloud = CloudApiSandbox.IsSelected(builder.Configuration);
        var appSecret = builder.Configuration["Sandbox:CloudApiAppSecret"] is { Length: > 0 } fixedSecret ? fixedSecret : RandomToken();
        var verifyToken = RandomToken();
        var wpp = cloud ? null : await FakeWppConnect.StartAsync(new FakeWppConnectOptions { Port = basePort + 1, WebhookUrl = new Uri(hostUrl, "/webhooks/wppconnect/" + webhookToken) });
        var cloudApi = cloud ? await FakeCloudApi.StartAsync(CloudApiSandbox.Options(basePort + 1, hostUrl, appSecret)) : null;
        var chatwoot = await FakeChatwoot.StartAsync(new FakeChatwootOptions { Port = basePort + 2, WebhookUrl = new Uri(hostUrl, "/webhooks/chatwoot"), WebhookSecret = chatwootSecret });
        var typebot = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            Port = basePort + 3,
            Placeholders = new Dictionary<string, string> { ["__ONBOARDING_API_KEY__"] = typebotKey },
        });
        var flows = await LoadFlowsAsync(typebot, builder.Configuration["Sandbox:Flow"]);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The mode is this program's, whatever the environment says (the production program refuses it).
            ["Onboarding:Mode"] = "Sandbox",
            ["Chatwoot:BaseUrl"] = chatwoot.BaseUrl.ToString(),
            ["Chatwoot:AccountId"] = chatwoot.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatwoot:InboxId"] = chatwoot.InboxId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatwoot:ApiToken"] = chatwoot.ApiToken,
            ["Chatwoot:WebhookSecret"] = chatwootSecret,
            ["Chatwoot:TeamId"] = builder.Configuration["Chatwoot:TeamId"] ?? FakeChatwoot.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatwoot:Labels:0"] = builder.Configuration["Chatwoot:Labels:0"] ?? "candidatura",
            ["Typebot:BaseUrl"] = typebot.BaseUrl.ToString(),
            ["Typebot:PublicId"] = FlowPublicId,
            ["Typebot:DebounceMs"] = builder.Configuration["Typebot:DebounceMs"] ?? "800",
            ["Bridge:PublicUrl"] = hostUrl.ToString(),
            ["Bridge:MediaSigningKey"] = RandomToken(),
        });
        builder.Configuration.AddInMemoryCollection(cloudApi is null
            ? new Dictionary<string, string?>
            {
                ["WppConnect:BaseUrl"] = wpp!.BaseUrl.ToString(),
                ["WppConnect:Session"] = new FakeWppConnectOptions().Session,
                ["WppConnect:SecretKey"] = new FakeWppConnectOptions().SecretKey,
                ["WppConnect:WebhookToken"] = webhookToken,
            }
            : CloudApiSandbox.HostSettings(cloudApi, verifyToken));
        builder.Configuration.AddInMemoryCollection(flows);
        builder.Services.AddSingleton(new SandboxServices(wpp, cloudApi, chatwoot, typebot));
        var banner = Banner(builder.Configuration, hostUrl, basePort, cloudApi is null ? WppWebhookLines(hostUrl, webhookToken) : CloudApiWebhookLines(hostUrl, appSecret), chatwootSecret);
        builder.Services.AddHostedService(sp => new SandboxBanner(sp.GetRequiredService<IHostApplicationLifetime>(), banner,
            cloudApi is null ? null : () => CloudApiSandbox.VerifyCallbackAsync(cloudApi, verifyToken)));
    }

    /// <summary>
    /// The flow given with <c>./run.sh --flow FILE</c> alone (an operator trying an edited export), or the shipped
    /// flows: Portuguese, and English when <c>driver-onboarding.en.json</c> is there (then the bot asks the language).
    /// </summary>
    private static async Task<Dictionary<string, string?>> LoadFlowsAsync(TypebotEmulator typebot, string? file)
    {
        if (!string.IsNullOrWhiteSpace(file))
        {
            typebot.LoadFlow(FlowPublicId, await File.ReadAllTextAsync(file));
            return [];
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "typebot-flows");
        typebot.LoadFlow(FlowPublicId, await File.ReadAllTextAsync(Path.Combine(folder, FlowPublicId + ".json")));
        var english = Path.Combine(folder, FlowPublicId + ".en.json");
        if (!File.Exists(english))
        {
            return [];
        }

        typebot.LoadFlow(FlowPublicId + "-en", await File.ReadAllTextAsync(english));
        return ShippedFlowSettings(FlowPublicId, FlowPublicId + "-en");
    }

    /// <summary>The <c>Typebot:Flows</c> settings of the shipped pair: Portuguese first, then English.</summary>
    public static Dictionary<string, string?> ShippedFlowSettings(string portuguesePublicId, string englishPublicId) => new()
    {
        ["Typebot:Flows:0:Language"] = "pt",
        ["Typebot:Flows:0:PublicId"] = portuguesePublicId,
        ["Typebot:Flows:0:Name"] = "Português",
        ["Typebot:Flows:0:Keywords:0"] = "portuguese",
        ["Typebot:Flows:1:Language"] = "en",
        ["Typebot:Flows:1:PublicId"] = englishPublicId,
        ["Typebot:Flows:1:Name"] = "English",
        ["Typebot:Flows:1:Keywords:0"] = "inglês",
    };

    /// <summary>What <c>./run.sh</c> shows once the host listens: the last thing printed at start (Sandbox only).</summary>
    private static string Banner(IConfiguration configuration, Uri host, int basePort, string whatsAppLines, string chatwootSecret)
    {
        string KeyOf(string role) => configuration.GetSection("Api:Keys").GetChildren().FirstOrDefault(k => k["Role"] == role)?["Key"] ?? "(none)";
        var root = host.ToString().TrimEnd('/');
        return $"""

              Onboarding (Sandbox) is running on {root}
                Staff console:   {root}/console   (Sandbox page: {root}/console#/sandbox)
                API docs:        {root}/swagger
                Staff key:       {KeyOf("staff")}      (header X-Api-Key)
                Typebot key:     {KeyOf("typebot")}
              Fakes on loopback: {(IsCloud(configuration) ? "WhatsApp Cloud API" : "WPPConnect")} :{basePort + 1}, Chatwoot :{basePort + 2}, Typebot chat API :{basePort + 3}
            {whatsAppLines}
                Chatwoot webhook secret:  {chatwootSecret}   (POST {root}/webhooks/chatwoot, X-Chatwoot-Signature)
              Ctrl+C stops the host and Postgres.

            """;
    }

    private static bool IsCloud(IConfiguration configuration) => CloudApiSandbox.IsSelected(configuration);

    private static string WppWebhookLines(Uri host, string webhookToken) => $"""
              Replay captured webhooks with curl (fixed with Sandbox__WppConnectWebhookToken, Sandbox__ChatwootWebhookSecret):
                WPPConnect webhook:       POST {host.ToString().TrimEnd('/')}/webhooks/wppconnect/{webhookToken}
            """;

    private static string CloudApiWebhookLines(Uri host, string appSecret) => $"""
              Replay captured webhooks with curl (fixed with Sandbox__CloudApiAppSecret, Sandbox__ChatwootWebhookSecret):
                Cloud API webhook:        POST {host.ToString().TrimEnd('/')}/webhooks/cloudapi   (X-Hub-Signature-256 with app secret {appSecret})
            """;

    /// <summary>Prints the banner once the host listens, then runs the transport's start-up check (the Cloud API's handshake).</summary>
    private sealed class SandboxBanner(IHostApplicationLifetime lifetime, string banner, Func<Task>? afterStart) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                Console.Out.Write(banner);
                if (afterStart is not null)
                {
                    _ = Task.Run(afterStart, CancellationToken.None);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string RandomToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
