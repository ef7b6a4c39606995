using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (c) WPPConnect restarts (connections refused, then a session initialising, then connected) while the phones
/// write: a third of each chat's messages before, a third during (no webhook: only the catch-up finds them), and a
/// third right after it is connected again, when the new webhooks race the catch-up of what was written meanwhile.
/// </summary>
public static class WppConnectRestart
{
    public const string Name = "restart";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            var third = sizes.PerChat / 3;
            var silent = 0;
            Task Count(Scenarios.Written w)
            {
                if (w.Delivery is null)
                {
                    Interlocked.Increment(ref silent);
                }

                return Task.CompletedTask;
            }

            var settle = TimeSpan.FromMilliseconds(150);
            await chats.WriteAsync(third, TimeSpan.FromMilliseconds(20), Count, ct);
            var restart = rig.Wpp.RestartAsync(sizes.RestartDowntime);
            await Task.Delay(settle, ct);
            await chats.WriteAsync(third, (sizes.RestartDowntime - (2 * settle)) / third, Count, ct);
            await restart;
            await chats.WriteAsync(sizes.PerChat - (2 * third), TimeSpan.FromMilliseconds(10), Count, ct);
            return $"WPPConnect away {sizes.RestartDowntime.TotalSeconds:F0} s; {silent} messages written meanwhile had no webhook";
        }, ct);
}
