using System.Diagnostics;
using System.Globalization;
using Onboarding.Bench.Hosting;
using Onboarding.Bench.Measurement;
using Onboarding.Bench.Scenarios;

namespace Onboarding.Bench.Faults;

/// <summary>
/// (h) WhatsApp restricts the number while drivers converse and status notices go out. Three groups of drivers: some
/// write and get an agent's reply to every message; some wrote weeks ago, before WPPConnect held their chats (warm for
/// the bridge, unknown to WhatsApp), and WhatsApp answers 463 after three notices to them; some went quiet 40 days ago
/// (cold: their notice is not sent, the agents get a note). A restriction pauses notices for
/// <c>Governor:RestrictionBackoff</c>; the notices of the talking drivers made during the pause wait for its end. The
/// restriction is lifted as soon as the pause is seen, so what is held goes out when the pause ends.
/// </summary>
public static class NumberRestricted
{
    public const string Name = "restricted";

    private const int SendsBeforeRestriction = 3;

    public static async Task<FaultOutcome> RunAsync(BridgeRig rig, FaultSizes sizes, CancellationToken ct)
    {
        await rig.ReadyForScenarioAsync(ct);

        var clock = Stopwatch.StartNew();
        var traffic = new DriverTraffic(rig, Name);
        var talking = new ChatSet(rig.Wpp, Name, sizes.Chats);
        var cold = new ChatSet(rig.Wpp, Name + "-cold", Math.Max(2, sizes.Chats / 4));
        var unknown = new ChatSet(rig.Wpp, Name + "-unknown", Math.Max(SendsBeforeRestriction + 2, sizes.Chats / 2));
        await traffic.StartAsync(talking, ct);
        await traffic.StartAsync(cold, ct);
        await Arrivals.WaitMirroredAsync(rig, cold, sizes.WaitTimeout, ct);
        await traffic.BackdateAsync(cold.ChatIds, TimeSpan.FromDays(40), ct);
        await traffic.WroteAgoAsync(unknown.ChatIds, TimeSpan.FromDays(20), ct);
        await traffic.AddDriversAsync(unknown, ct);

        rig.Wpp.RestrictColdSendsAfter(SendsBeforeRestriction);
        PauseWindow pause;
        int refused;
        try
        {
            var rounds = Math.Max(5, sizes.PerChat / 3);
            var conversation = traffic.ConverseAsync(talking, rounds, TimeSpan.FromMilliseconds(150), ct);
            await traffic.NoticeAsync(talking.ChatIds.Concat(cold.ChatIds).Concat(unknown.ChatIds), ct);
            pause = await PauseWindow.WaitAsync(rig, sizes.WaitTimeout, ct);
            refused = rig.Wpp.RestrictedSends;
            rig.Wpp.RestrictColdSendsAfter(-1);

            // Status changes made during the pause: their notices wait for its end, the replies do not.
            await traffic.NoticeAsync(talking.ChatIds, ct);
            await conversation;
            await pause.WaitEndAsync(ct);
        }
        finally
        {
            rig.Wpp.RestrictColdSendsAfter(-1);
        }

        var sets = new[] { talking, cold, unknown };
        var ended = Stopwatch.StartNew();
        var complete = await traffic.WaitSettledAsync(sets, sizes.WaitTimeout, ct);
        var recovery = ended.Elapsed - DriverTraffic.Settle;
        var whilePaused = traffic.NoticeSendsBetween(pause.SeenAt + PauseWindow.InFlight, pause.Until)
            + (int)await pause.GrantsInsideAsync(rig, ct);
        var inbound = sets.Select(s => MessageAudit.Of(s, rig.Chatwoot)).Aggregate(AuditCounts.Zero, (a, b) => a.Plus(b));
        var (replies, notices) = traffic.Audit(sets);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"463 after {SendsBeforeRestriction} notices to chats WhatsApp never saw write ({refused} refused); notices paused {pause.Length.TotalSeconds:F0} s; "
            + $"driver messages in Chatwoot: {inbound}; agent replies on the phones: {replies}; notices on the phones or noted: {notices}, "
            + $"{traffic.NotedCount} noted (cold)");
        detail += complete ? "" : $"; NOT COMPLETE after {sizes.WaitTimeout.TotalSeconds:F0} s";
        var outcome = new FaultOutcome(Name, inbound.Plus(replies).Plus(notices), clock.Elapsed, recovery, detail) { SentWhilePaused = whilePaused };
        Console.WriteLine("  " + outcome);
        return outcome;
    }
}
