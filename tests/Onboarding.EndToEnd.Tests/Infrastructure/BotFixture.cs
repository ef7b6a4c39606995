using Onboarding.Sandbox.Typebot.ChatApi;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The bridge fixture plus the Typebot emulator running the shipped <c>typebot-flows/driver-onboarding.json</c>, whose
/// HTTP block calls this host's real <c>/register_driver_typebot</c>: the whole product, bot first.
/// </summary>
public class BotFixture : BridgeFixture
{
    public const string PublicId = "driver-onboarding";
    public const string TypebotKey = "e2e-typebot-key-0123456789";
    public const string StaffKey = "e2e-staff-key-0123456789";

    public TypebotEmulator Typebot { get; private set; } = null!;

    /// <summary>The key the flow's HTTP request block sends (pasted into Typebot after import).</summary>
    protected virtual string TypebotApiKey => TypebotKey;

    protected override async Task StartExtrasAsync()
    {
        Typebot = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions
        {
            Placeholders = new Dictionary<string, string> { ["__ONBOARDING_API_KEY__"] = TypebotApiKey },
        });
        var flow = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", PublicId + ".json"));
        Typebot.LoadFlow(PublicId, flow);
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => new Dictionary<string, string>
    {
        ["Api:Keys:1:Name"] = "typebot-e2e",
        ["Api:Keys:1:Key"] = TypebotKey,
        ["Api:Keys:1:Role"] = "typebot",
        ["Typebot:BaseUrl"] = Typebot.BaseUrl.ToString(),
        ["Typebot:PublicId"] = PublicId,
        ["Typebot:DebounceMs"] = "150",
        ["Chatwoot:TeamId"] = "1",
        ["Chatwoot:Labels:0"] = "candidatura",
        ["Bridge:PublicUrl"] = HostUrl.ToString(),
        ["Bridge:MediaSigningKey"] = "e2e-media-signing-key-0123456789",
        // The registration scenarios end at the registration: the document loop finds nothing to ask (DocumentsBotFixture asks).
        ["Documents:Enabled"] = "false",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Typebot.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotFixture>
{
    public const string Name = "bot";
}
