using Onboarding.Sandbox.CloudApi;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole product over the official API: the bot fixture (the shipped flow in the Typebot emulator, the real
/// registration route) with <c>WhatsApp:Transport=CloudApi</c> against the Sandbox's Cloud API fake, whose phones tap
/// the buttons and pick the list rows the bridge sends.
/// </summary>
public sealed class CloudApiBotFixture : BotFixture
{
    public FakeCloudApi Cloud { get; private set; } = null!;

    /// <summary>The fake's clock: moved forward, the fake sees its 24-hour windows close.</summary>
    public MovableClock Clock { get; } = new();

    protected override async Task StartExtrasAsync()
    {
        await base.StartExtrasAsync();
        Cloud = await FakeCloudApiSetup.StartAsync(HostUrl, Clock);
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => base.ExtraSettings().Concat(FakeCloudApiSetup.Settings(Cloud));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CloudApiBotCollection : ICollectionFixture<CloudApiBotFixture>
{
    public const string Name = "cloudapi-bot";
}
