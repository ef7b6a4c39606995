using System.Security.Cryptography;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.Typebot.ChatApi;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Api.Hosting;

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
/// <c>Onboarding:Mode=Sandbox</c>: WPPConnect, Chatwoot and Typebot fakes on loopback ports next to the host, and the
/// host's settings pointed at them, so the real clients and webhooks run over real HTTP without any account.
/// </summary>
public static class SandboxMode
{
    public const string FlowPublicId = "driver-onboarding";

    public static async Task AddSandboxAsync(this WebApplicationBuilder builder)
    {
        var hostUrl = new Uri((builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var basePort = builder.Configuration.GetValue("Sandbox:BasePort", hostUrl.Port);
        var webhookToken = RandomToken();
        var chatwootSecret = RandomToken();
        var typebotKey = builder.Configuration.GetSection("Api:Keys").GetChildren()
            .FirstOrDefault(k => k["Role"] == "typebot")?["Key"] ?? "";

        var wpp = await FakeWppConnect.StartAsync(new FakeWppConnectOptions { Port = basePort + 1, WebhookUrl = new Uri(hostUrl, "/webhooks/wppconnect/" + webhookToken) });
        var chatwoot = await FakeChatwoot.StartAsync(new FakeChatwootOptions { Port = basePort + 2, WebhookUrl = new Uri(hostUrl, "/webhooks/chatwoot"), WebhookSecret = chatwootSecret });
        var typebot = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            Port = basePort + 3,
            Placeholders = new Dictionary<string, string> { ["__ONBOARDING_API_KEY__"] = typebotKey },
        });
        var flow = Path.Combine(AppContext.BaseDirectory, "typebot-flows", FlowPublicId + ".json");
        typebot.LoadFlow(FlowPublicId, await File.ReadAllTextAsync(flow));

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
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
        builder.Services.AddSingleton(new SandboxServices(wpp, chatwoot, typebot));
    }

    private static string RandomToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
