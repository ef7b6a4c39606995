using Microsoft.Extensions.Options;
using Onboarding.Bridge.Governor;

namespace Onboarding.Bridge.Outbound.Outbox;

/// <summary>
/// Refreshes the governor's gauges (budget used, paused, waiting for the session) from Postgres, from the
/// <c>bridge-sweep</c> job: without it only the replica that sends would export them, and with values as old as its
/// last send. Values not refreshed for three sweep intervals (at least a minute) are not exported (<see cref="GovernorMetrics.FreshFor"/>).
/// </summary>
public sealed class GovernorGauges(SendGovernor governor, IOptions<GovernorOptions> options, IOptions<BridgeOptions> bridge)
{
    public async Task RefreshAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var freshFor = bridge.Value.SweepInterval * 3;
        GovernorMetrics.FreshFor = freshFor > TimeSpan.FromMinutes(1) ? freshFor : TimeSpan.FromMinutes(1);

        // StatusAsync reads every budget, the pause and the session, and sets each gauge as it goes.
        await governor.StatusAsync(ct);
    }
}
