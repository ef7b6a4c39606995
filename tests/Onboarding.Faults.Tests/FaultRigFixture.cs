using Onboarding.Bench.Faults;
using Onboarding.Bench.Hosting;
using Onboarding.Tests.Shared;

namespace Onboarding.Faults.Tests;

/// <summary>
/// A host started from its build output as a separate process (so it can be killed with SIGKILL), on its own
/// database, with the WPPConnect and Chatwoot fakes in this process.
/// </summary>
public abstract class FaultRigFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public BridgeRig Rig { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Rig = await BridgeRig.StartAsync(RepoPaths.ApiDll(), Database.ConnectionString, FaultSizes.Quick.RigOptions(null) with { Name = GetType().Name },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Rig is not null)
        {
            await Rig.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The host the non-destructive scenarios share, each on chats of its own.</summary>
public sealed class SharedRigFixture : FaultRigFixture;

/// <summary>
/// The host the SIGKILL scenario kills. Its own, so the restarted host's wait for the clustered scheduler to recover
/// the dead instance's jobs runs beside the other scenarios instead of after them.
/// </summary>
public sealed class KillRigFixture : FaultRigFixture;

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<SharedRigFixture>
{
    public const string Name = "faults";
}

[CollectionDefinition(Name)]
public sealed class KillCollection : ICollectionFixture<KillRigFixture>
{
    public const string Name = "faults-kill";
}
