using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (a) The host is killed with SIGKILL once half of the batch was accepted by its webhook; the phones keep writing
/// (WPPConnect keeps the messages, its webhooks fail); the host is started again. The ledger holds what was accepted
/// and the catch-up poll must find the rest; over the Cloud API, Meta's retries must bring it.
/// </summary>
public static class KillMidBatch
{
    public const string Name = "kill";

    public static Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct) =>
        FaultRun.RunAsync(Name, rig, sizes, async chats =>
        {
            var half = sizes.Total / 2;
            var accepted = 0;
            var refused = 0;
            var killed = 0;
            await chats.WriteAsync(sizes.PerChat, TimeSpan.FromMilliseconds(5), w =>
            {
                if (w.Delivery?.Succeeded != true)
                {
                    Interlocked.Increment(ref refused);
                }
                else if (Interlocked.Increment(ref accepted) == half && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    rig.KillHost();
                }

                return Task.CompletedTask;
            }, ct);
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                rig.KillHost();
            }

            var ledger = await rig.ScalarAsync("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = ANY(@chats)", ct, chats.ChatIds);
            var done = await rig.ScalarAsync("SELECT count(*) FROM inbound_messages WHERE state = 'done' AND wa_chat_id = ANY(@chats)", ct, chats.ChatIds);
            await rig.StartHostAsync(ct);
            return $"killed after {half} webhooks accepted; {refused} webhooks failed while it was down; ledger at restart {ledger} rows, {done} mirrored";
        }, ct);
}
