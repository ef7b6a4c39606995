using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Sandbox's Cloud API fake beside a test host: started against the host's webhook on a clock the test moves, and
/// the host's <c>WhatsApp:*</c> settings for it (the same templates the Sandbox ships, no sending budget in the way).
/// </summary>
internal static class FakeCloudApiSetup
{
    public const string VerifyToken = "e2e-fake-cloud-verify-token-0123";

    public static Task<FakeCloudApi> StartAsync(Uri hostUrl, MovableClock clock)
    {
        var options = CloudApiSandbox.Options(0, hostUrl, "e2e-fake-cloud-app-secret-0123456789");
        options.Clock = clock;
        return FakeCloudApi.StartAsync(options);
    }

    public static IEnumerable<KeyValuePair<string, string>> Settings(FakeCloudApi cloud) =>
        CloudApiSandbox.HostSettings(cloud, VerifyToken)
            .Where(s => s.Key.StartsWith("WhatsApp:", StringComparison.Ordinal))
            .Select(s => KeyValuePair.Create(s.Key, s.Value ?? ""))
            .Concat(new Dictionary<string, string>
            {
                ["Governor:CloudApi:MessagesPerSecond"] = "0",
                ["Governor:CloudApi:BusinessInitiatedPerDay"] = "0",
            });
}
