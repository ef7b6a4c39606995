using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>The host over the Cloud API against the Sandbox's fake of it (signed webhooks, statuses, its own 24-hour window).</summary>
public sealed class FakeCloudApiFixture : BridgeFixture
{
    public const string VerifyToken = "e2e-fake-cloud-verify-token-0123";

    public FakeCloudApi Cloud { get; private set; } = null!;

    /// <summary>The fake's clock: moved forward, the fake sees its 24-hour windows close.</summary>
    public MovableClock Clock { get; } = new();

    protected override async Task StartExtrasAsync()
    {
        var options = CloudApiSandbox.Options(0, HostUrl, "e2e-fake-cloud-app-secret-0123456789");
        options.Clock = Clock;
        Cloud = await FakeCloudApi.StartAsync(options);
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
        CloudApiSandbox.HostSettings(Cloud, VerifyToken)
            .Where(s => s.Key.StartsWith("WhatsApp:", StringComparison.Ordinal))
            .Select(s => KeyValuePair.Create(s.Key, s.Value ?? ""))
            .Concat(new Dictionary<string, string>
            {
                ["Governor:CloudApi:MessagesPerSecond"] = "0",
                ["Governor:CloudApi:BusinessInitiatedPerDay"] = "0",
            });

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
