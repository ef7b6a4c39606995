using Onboarding.Bench.Hosting;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (e) Every webhook is delivered three times: by WPPConnect (or Meta), again at once (a proxy retrying), and once
/// more after the batch, when the message is long mirrored (a replayed log).
/// </summary>
public static class WebhookReplays
{
    public const string Name = "replay";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            var delivered = new System.Collections.Concurrent.ConcurrentQueue<WebhookDelivery>();
            var refused = 0;
            await chats.WriteAsync(sizes.PerChat, TimeSpan.FromMilliseconds(5), async w =>
            {
                if (w.Delivery is { Succeeded: true } d)
                {
                    delivered.Enqueue(d);
                    if (!await WebhookRepost.PostAsync(rig, d, ct))
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }, ct);

            await Parallel.ForEachAsync(delivered, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (d, token) =>
            {
                if (!await WebhookRepost.PostAsync(rig, d, token))
                {
                    Interlocked.Increment(ref refused);
                }
            });
            return $"{delivered.Count} webhooks each delivered 3 times ({refused} replays refused)";
        }, ct);
}
