using System.Security.Cryptography;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.Typebot.ChatApi;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Sandbox.Hosting;

/// <summary>The fakes the Sandbox runs in-process, disposed with the host.</summary>
public sealed class SandboxServices(FakeWppConnect wpp, FakeChatwoot chatwoot, TypebotEmulator typebot) : IAsyncDisposable
{
    public FakeWppConnect Wpp { get; } = wpp;

    public FakeChatwoot Chatwoot { get; } = chatwoot;

    public TypebotEmulator Typebot { get; } = typebot;

    public async ValueTask DisposeAsync()
    {
        await Typebot.DisposeAsync();
        await Chatwoot.DisposeAsync();
        await Wpp.DisposeAsync();
    }
}

/// <summary>
/// The Sandbox program's settings (<c>Onboarding:Mode=Sandbox</c>): WPPConnect, Chatwoot and Typebot fakes on loopback
/// ports next to the host, and the host's settings pointed at them, so the real clients and webhooks run over real
/// HTTP without any account.
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

        var wpp = await FakeWppConnect.StartAsync(new FakeWppConnectOptions { Port = basePort + 1, WebhookUrl = new Uri(hostUrl, "/webhooks/wppconnect/" + webhookToken) });
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
            ["WppConnect:BaseUrl"] = wpp.BaseUrl.ToString(),
            ["WppConnect:Session"] = new FakeWppConnectOptions().Session,
            ["WppConnect:SecretKey"] = new FakeWppConnectOptions().SecretKey,
            ["WppConnect:WebhookToken"] = webhookToken,
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
        builder.Configuration.AddInMemoryCollection(flows);
        builder.Services.AddSingleton(new SandboxServices(wpp, chatwoot, typebot));
        builder.Services.AddHostedService(sp => new SandboxBanner(sp.GetRequiredService<IHostApplicationLifetime>(), Banner(builder.Configuration, hostUrl, basePort, webhookToken, chatwootSecret)));
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
    private static string Banner(IConfiguration configuration, Uri host, int basePort, string webhookToken, string chatwootSecret)
    {
        string KeyOf(string role) => configuration.GetSection("Api:Keys").GetChildren().FirstOrDefault(k => k["Role"] == role)?["Key"] ?? "(none)";
        var root = host.ToString().TrimEnd('/');
        return $"""

              Onboarding (Sandbox) is running on {root}
                Staff console:   {root}/console   (Sandbox page: {root}/console#/sandbox)
                API docs:        {root}/swagger
                Staff key:       {KeyOf("staff")}      (header X-Api-Key)
                Typebot key:     {KeyOf("typebot")}
              Fakes on loopback: WPPConnect :{basePort + 1}, Chatwoot :{basePort + 2}, Typebot chat API :{basePort + 3}
              Replay captured webhooks with curl (fixed with Sandbox__WppConnectWebhookToken, Sandbox__ChatwootWebhookSecret):
                WPPConnect webhook:       POST {root}/webhooks/wppconnect/{webhookToken}
                Chatwoot webhook secret:  {chatwootSecret}   (POST {root}/webhooks/chatwoot, X-Chatwoot-Signature)
              Ctrl+C stops the host and Postgres.

            """;
    }

    private sealed class SandboxBanner(IHostApplicationLifetime lifetime, string banner) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => Console.Out.Write(banner));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string RandomToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
