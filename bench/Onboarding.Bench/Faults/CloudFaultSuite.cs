using System.Globalization;
using System.Text;
using Onboarding.Bench.Hosting;
using Onboarding.Bridge;
using Onboarding.Sandbox.CloudApi;

namespace Onboarding.Bench.Faults;

/// <summary>
/// The fault scenarios that mean something over the Cloud API, one after the other on a host with
/// <c>WhatsApp:Transport=CloudApi</c> (a separate process) against the fake Cloud API and the fake Chatwoot. Nothing
/// polls WhatsApp on this transport: what the host missed comes back only through Meta's webhook retries.
/// </summary>
public static class CloudFaultSuite
{
    /// <summary>The suite's <c>--only</c> name.</summary>
    public const string Name = "faults-cloudapi";

    public static readonly IReadOnlyList<(string Name, Func<BridgeRig, FaultSizes, CancellationToken, Task<FaultOutcome>> Run)> Scenarios =
    [
        (KillMidBatch.Name, KillMidBatch.RunAsync),
        (ChatwootOutage.Name, ChatwootOutage.RunAsync),
        (DroppedWebhooks.Name, DroppedWebhooks.RunAsync),
        (WebhookReplays.Name, WebhookReplays.RunAsync),
        (TooManyRequestsStorm.Name, TooManyRequestsStorm.RunAsync),
        (PoisonRows.Name, PoisonRows.RunAsync),
    ];

    /// <summary>The WPPConnect suite's scenarios not run here, and why.</summary>
    public static readonly IReadOnlyList<(string Name, string Why)> NotRun =
    [
        (WppConnectRestart.Name, "no gateway of ours to restart: Meta is the other end. A host Meta cannot reach is `kill`; a notification lost on the way is `dropped`"),
        (WebhookPollRace.Name, "no catch-up poll to race (the Graph API cannot list a chat's messages). A late delivery racing the chat's next messages is `dropped`"),
        (NumberRestricted.Name, "Meta's restriction codes (368, 131031) pause notices as WPPConnect's restriction does (docs/0044), but this scenario's traffic checks the sends WPPConnect received; not replaced here"),
        (PhoneLoggedOut.Name, "no phone session to lose; the nearest failure, an expired access token (190), holds sends and alerts operations (docs/0044); not replaced here"),
    ];

    /// <summary>
    /// Meta's retry schedule as the fake shapes it (0.2 s, 0.5 s, 1 s, 2 s, 5 s, 10 s, … growing), its gaps capped at
    /// <see cref="FaultSizes.WebhookRetryCap"/> and kept at the cap thirty times more.
    /// </summary>
    public static IReadOnlyList<TimeSpan> RetryDelays(FaultSizes sizes) =>
    [
        .. new FakeCloudApiOptions().WebhookRetryDelays.Select(d => d < sizes.WebhookRetryCap ? d : sizes.WebhookRetryCap),
        .. Enumerable.Repeat(sizes.WebhookRetryCap, 30),
    ];

    public static RigOptions RigOptions(FaultSizes sizes, string? logDirectory) => sizes.RigOptions(logDirectory) with
    {
        Name = Name + "-" + sizes.Name,
        Transport = WhatsAppTransport.CloudApi,
        CloudApi = o => o.WebhookRetryDelays = [.. RetryDelays(sizes)],
    };

    public static async Task<IReadOnlyList<FaultOutcome>> RunAsync(string apiDll, string connectionString, FaultSizes sizes, string? logDirectory, CancellationToken ct)
    {
        await using var rig = await BridgeRig.StartAsync(apiDll, connectionString, RigOptions(sizes, logDirectory), ct);
        var cloud = rig.Cloud!;
        var outcomes = new List<FaultOutcome>();
        foreach (var (name, run) in Scenarios)
        {
            var from = cloud.Webhooks.Count;
            var outcome = await run(rig, sizes, ct);
            var (same, earlier) = MetaSeconds.Inversions(cloud, rig.Chatwoot, name);
            var order = outcome.Counts.OutOfOrder == 0 || name == PoisonRows.Name ? ""
                : string.Create(CultureInfo.InvariantCulture,
                    $"; out of order: {same} in the same WhatsApp second as the later message mirrored before them, {earlier} from an earlier second; "
                    + $"{MetaDeliveries.AcceptedOutOfOrder(cloud, from, name)} accepted by the host after a later message of their chat");
            outcomes.Add(outcome with { Detail = outcome.Detail + "; " + MetaDeliveries.Since(cloud, from) + order });
        }

        return outcomes;
    }

    public static string Markdown(FaultSizes sizes, IReadOnlyList<FaultOutcome> outcomes)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Fault suite over the Cloud API ({sizes.Name}: {sizes.Chats} chats × {sizes.PerChat} messages per scenario, host as a separate process)");
        md.AppendLine();
        FaultTable.AppendRows(md, outcomes);
        FaultTable.AppendCompression(md, sizes);
        var delays = RetryDelays(sizes);
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Meta's webhook retries as the fake makes them: {string.Join(", ", delays.TakeWhile(d => d < sizes.WebhookRetryCap).Select(d => d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"))}, then every {sizes.WebhookRetryCap.TotalSeconds:F0} s ({delays.Count} retries in all). ")
            + "Meta's own schedule is far longer: it \"will keep trying with decreasing frequency until the request succeeds, for up to 7 days\" "
            + "(developers.facebook.com/docs/graph-api/webhooks/getting-started, \"Event Notifications\"); shortened here so a scenario's wait holds the retries. "
            + "A notification's `timestamp` has whole seconds and Meta does not promise order.");
        md.AppendLine();
        md.AppendLine("Not run over the Cloud API: " + string.Join("; ", NotRun.Select(n => $"`{n.Name}`: {n.Why}")) + ".");
        md.AppendLine();
        md.AppendLine(FaultTable.Verdict(outcomes));
        return md.ToString();
    }
}
