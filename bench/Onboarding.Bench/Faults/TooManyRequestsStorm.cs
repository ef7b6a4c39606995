using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>(f) Chatwoot answers bursts of 429 (with <c>Retry-After: 1</c>) again and again while the phones write.</summary>
public static class TooManyRequestsStorm
{
    public const string Name = "storm";

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var storms = 0;
            var storming = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    rig.Chatwoot.Faults.TooManyRequests(sizes.StormRequests, TimeSpan.FromSeconds(1));
                    storms++;
                    try
                    {
                        await Task.Delay(Every, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }, ct);
            await chats.WriteAsync(sizes.PerChat, TimeSpan.FromMilliseconds(100), null, ct);
            await stop.CancelAsync();
            await storming;
            return $"{storms} storms of {sizes.StormRequests} × 429, {rig.Chatwoot.Faults.Injected} answered";
        }, ct);
}
