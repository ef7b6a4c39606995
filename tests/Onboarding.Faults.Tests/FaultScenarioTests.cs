using Onboarding.Bench.Faults;

namespace Onboarding.Faults.Tests;

/// <summary>
/// The quick variants of the fault suite: each scenario counts, per chat and summed, what Chatwoot lost, duplicated
/// or reordered against what the phones wrote, and fails unless all three are zero.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultScenarioTests(SharedRigFixture fixture)
{
    [Fact]
    public Task Chatwoot_down_for_a_while_then_back() => FaultVerdict.VerifyAsync(fixture.Rig, ChatwootOutage.RunAsync);

    [Fact]
    public Task WppConnect_restarting_while_phones_write() => FaultVerdict.VerifyAsync(fixture.Rig, WppConnectRestart.RunAsync);

    [Fact]
    public Task Webhooks_and_the_catch_up_poll_racing() => FaultVerdict.VerifyAsync(fixture.Rig, WebhookPollRace.RunAsync);

    [Fact]
    public Task Every_webhook_delivered_three_times() => FaultVerdict.VerifyAsync(fixture.Rig, WebhookReplays.RunAsync);

    [Fact]
    public Task Chatwoot_answering_429_storms() => FaultVerdict.VerifyAsync(fixture.Rig, TooManyRequestsStorm.RunAsync);

    /// <summary>Refused files fail at once with a note (a note missing counts as lost); the rest of each chat is not held.</summary>
    [Fact]
    public Task Poison_rows_interleaved_with_normal_messages() => FaultVerdict.VerifyAsync(fixture.Rig, PoisonRows.RunAsync);

    /// <summary>
    /// Counts the drivers' messages in Chatwoot, the agents' replies and the status notices on the phones (a notice not
    /// sent counts only with its note to agents), and the notice sends made while paused.
    /// </summary>
    [Fact]
    public Task The_number_restricted_while_drivers_converse_and_notices_go_out() => FaultVerdict.VerifyAsync(fixture.Rig, NumberRestricted.RunAsync);

    /// <summary>The same counts, and every send made after the bridge knew the session was logged out.</summary>
    [Fact]
    public Task The_phone_logged_out_mid_traffic_and_scanned_back() => FaultVerdict.VerifyAsync(fixture.Rig, PhoneLoggedOut.RunAsync);
}
