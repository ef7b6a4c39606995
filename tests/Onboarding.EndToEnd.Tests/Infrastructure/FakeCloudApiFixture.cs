using Onboarding.Sandbox.CloudApi;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>The host over the Cloud API against the Sandbox's fake of it (signed webhooks, statuses, its own 24-hour window).</summary>
public sealed class FakeCloudApiFixture : BridgeFixture
{
    public FakeCloudApi Cloud { get; private set; } = null!;

    /// <summary>The fake's clock: moved forward, the fake sees its 24-hour windows close.</summary>
    public MovableClock Clock { get; } = new();

    protected override async Task StartExtrasAsync() => Cloud = await FakeCloudApiSetup.StartAsync(HostUrl, Clock);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => FakeCloudApiSetup.Settings(Cloud);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FakeCloudApiCollection : ICollectionFixture<FakeCloudApiFixture>
{
    public const string Name = "fake-cloudapi";
}
