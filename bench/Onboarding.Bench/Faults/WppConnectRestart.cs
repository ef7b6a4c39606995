using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (c) WPPConnect restarts (connections refused, then a session initialising, then connected) while the phones
/// write before, during and after it. Messages written meanwhile have no webhook: only the catch-up finds them.
/// </summary>
public static class WppConnectRestart
{
    public const string Name = "restart";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            var silent = 0;
            var writing = chats.WriteAsync(sizes.PerChat, sizes.RestartDowntime * 3 / sizes.PerChat, w =>
            {
                if (w.Delivery is null)
                {
                    Interlocked.Increment(ref silent);
                }

                return Task.CompletedTask;
            }, ct);
            await Task.Delay(sizes.RestartDowntime, ct);
            await rig.Wpp.RestartAsync(sizes.RestartDowntime);
            await writing;
            return $"WPPConnect away {sizes.RestartDowntime.TotalSeconds:F0} s; {silent} messages written meanwhile had no webhook";
        }, ct);
}
