using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>(b) Chatwoot is down (connections dropped) while the phones write, then comes back.</summary>
public static class ChatwootOutage
{
    public const string Name = "outage";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            rig.Chatwoot.Faults.Down = true;
            var outage = System.Diagnostics.Stopwatch.StartNew();
            await chats.WriteAsync(sizes.PerChat, sizes.Outage * 0.8 / sizes.PerChat, null, ct);
            if (sizes.Outage > outage.Elapsed)
            {
                await Task.Delay(sizes.Outage - outage.Elapsed, ct);
            }

            var pending = await rig.PendingInboundAsync(ct);
            var attempts = await rig.ScalarAsync("SELECT coalesce(max(attempts), 0) FROM inbound_messages WHERE state = 'pending'", ct);
            rig.Chatwoot.Faults.Down = false;
            return $"Chatwoot down {outage.Elapsed.TotalSeconds:F1} s; {pending} pending when it came back, tried up to {attempts} times each";
        }, ct);
}
