using Onboarding.Bench.Faults;

namespace Onboarding.Faults.Tests;

/// <summary>The host killed with SIGKILL once half of a 300-message batch was accepted, then started again.</summary>
[Collection(KillCollection.Name)]
public sealed class KillMidBatchTests(KillRigFixture fixture)
{
    [Fact]
    public Task Host_killed_with_SIGKILL_mid_batch_then_restarted() => FaultVerdict.VerifyAsync(fixture.Rig, KillMidBatch.RunAsync);
}
