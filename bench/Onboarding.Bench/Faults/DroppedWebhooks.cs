using System.Globalization;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// Over the Cloud API: Meta's first delivery of the middle third of each chat's messages is lost on the way and
/// retried (the fake's drop fault, retried on its schedule from 0.2 s), while the chat's next messages are delivered
/// at once. Nothing else brings a message: the Graph API cannot list a chat, so the retry must.
/// </summary>
public static class DroppedWebhooks
{
    public const string Name = "dropped";

    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(20);

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            var cloud = rig.Cloud ?? throw new InvalidOperationException("The dropped scenario runs over the Cloud API only.");
            var third = sizes.PerChat / 3;
            var before = cloud.Webhooks.Count;
            await chats.WriteAsync(third, Gap, null, ct);
            cloud.Faults.DropWebhooks = true;
            await chats.WriteAsync(third, Gap, null, ct);
            cloud.Faults.DropWebhooks = false;
            await chats.WriteAsync(sizes.PerChat - (2 * third), Gap, null, ct);
            var dropped = cloud.Webhooks.Skip(before).Count(d => d.Error?.StartsWith("dropped", StringComparison.Ordinal) == true);
            return string.Create(CultureInfo.InvariantCulture,
                $"{dropped} first deliveries lost, each retried by Meta from {CloudFaultSuite.RetryDelays(sizes)[0].TotalSeconds:F1} s later; messages {Gap.TotalMilliseconds:F0} ms apart in each chat");
        }, ct);
}
