using System.Globalization;
using System.Text;
using Onboarding.Bench.Hosting;

namespace Onboarding.Bench.Faults;

/// <summary>The nine fault scenarios, one after the other on one host (a separate process) and one pair of fakes.</summary>
public static class FaultSuite
{
    public static readonly IReadOnlyList<(string Name, Func<BridgeRig, FaultSizes, CancellationToken, Task<FaultOutcome>> Run)> Scenarios =
    [
        (KillMidBatch.Name, KillMidBatch.RunAsync),
        (ChatwootOutage.Name, ChatwootOutage.RunAsync),
        (WppConnectRestart.Name, WppConnectRestart.RunAsync),
        (WebhookPollRace.Name, WebhookPollRace.RunAsync),
        (WebhookReplays.Name, WebhookReplays.RunAsync),
        (TooManyRequestsStorm.Name, TooManyRequestsStorm.RunAsync),
        (PoisonRows.Name, PoisonRows.RunAsync),
        (NumberRestricted.Name, NumberRestricted.RunAsync),
        (PhoneLoggedOut.Name, PhoneLoggedOut.RunAsync),
    ];

    public static async Task<IReadOnlyList<FaultOutcome>> RunAsync(string apiDll, string connectionString, FaultSizes sizes, string? logDirectory, CancellationToken ct)
    {
        await using var rig = await BridgeRig.StartAsync(apiDll, connectionString, sizes.RigOptions(logDirectory), ct);
        var outcomes = new List<FaultOutcome>();
        foreach (var (_, run) in Scenarios)
        {
            outcomes.Add(await run(rig, sizes, ct));
        }

        return outcomes;
    }

    public static string Markdown(FaultSizes sizes, IReadOnlyList<FaultOutcome> outcomes)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Fault suite ({sizes.Name}: {sizes.Chats} chats × {sizes.PerChat} messages per scenario, host as a separate process)");
        md.AppendLine();
        FaultTable.AppendRows(md, outcomes);
        FaultTable.AppendCompression(md, sizes);
        md.AppendLine(FaultTable.Verdict(outcomes));
        return md.ToString();
    }
}
