using Onboarding.Bench.Faults;
using Onboarding.Bench.Hosting;

namespace Onboarding.Faults.Tests;

/// <summary>Runs a quick fault scenario and fails unless nothing was lost, duplicated or reordered.</summary>
public static class FaultVerdict
{
    public static async Task VerifyAsync(BridgeRig rig, Func<BridgeRig, FaultSizes, CancellationToken, Task<FaultOutcome>> scenario)
    {
        var outcome = await scenario(rig, FaultSizes.Quick, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.ToString());

        var failure = $"{outcome}\nhost log ({rig.Host.LogPath}), last lines:\n{rig.Host.LogTail(10)}";
        outcome.Counts.Lost.ShouldBe(0, failure);
        outcome.Counts.Duplicated.ShouldBe(0, failure);
        outcome.Counts.OutOfOrder.ShouldBe(0, failure);
        outcome.Counts.Foreign.ShouldBe(0, failure);
        outcome.SentWhilePaused.ShouldBe(0, failure);
        outcome.Counts.Mirrored.ShouldBe(outcome.Counts.Sent, failure);
    }
}
