using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Notifications;
using Onboarding.Bridge.Operations;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Retention;
using Onboarding.Bridge.Session;
using Onboarding.Bridge.State;
using Quartz;

namespace Onboarding.Bridge.Jobs;

// The scheduled jobs: thin, each one call into a service that tests run directly. Clustered Quartz fires each on
// one replica at a time; DisallowConcurrentExecution (set at registration) keeps a slow run from overlapping itself.

/// <summary>Walks WPPConnect for messages the webhooks did not bring.</summary>
public sealed class CatchUpJob(WppConnectCatchUp catchUp) : IJob
{
    public const string Name = "wppconnect-catch-up";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await catchUp.RunOnceAsync(cancellationToken);
}

/// <summary>Checks the WhatsApp session, keeps its QR code, reopens it when closed.</summary>
public sealed class SessionHealthJob(SessionHealth health) : IJob
{
    public const string Name = "wppconnect-session-health";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await health.RunOnceAsync(cancellationToken);
}

/// <summary>
/// Refreshes the backlog, outbox, dead-letter and governor gauges, announces status changes not yet announced, and wakes the
/// pump for work that came due.
/// </summary>
public sealed class SweepJob(
    BridgeDepths depths, DriverNotifier notifier, OperationsAlerts alerts, BridgeState state, BridgeSignal signal, GovernorGauges governor) : IJob
{
    public const string Name = "bridge-sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await notifier.RunOnceAsync(cancellationToken);
        var depth = await depths.ReadAsync(cancellationToken);
        await alerts.EvaluateAsync(await state.GetAsync(BridgeState.SessionStatus, cancellationToken), depth, cancellationToken);
        await governor.RefreshAsync(cancellationToken);
        if (depth.Backlog + depth.Outbox > 0)
        {
            signal.Wake();
        }
    }
}

/// <summary>Applies the retention periods: finished ledger and outbox rows, expired idempotency keys, personal data past its purpose.</summary>
public sealed class RetentionJob(LedgerRetention ledger, GdprRetention gdpr) : IJob
{
    public const string Name = "retention";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await ledger.RunOnceAsync(cancellationToken);
        await gdpr.RunOnceAsync(cancellationToken);
    }
}

/// <summary>Reminds drivers whose bot session waits at a question (docs/0040).</summary>
public sealed class NudgeJob(Nudger nudger) : IJob
{
    public const string Name = "nudges";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await nudger.RunOnceAsync(cancellationToken);
}

/// <summary>Once a day: reminders of documents about to expire (<see cref="ExpiryReminders"/>).</summary>
public sealed class DocumentExpiryJob(ExpiryReminders reminders) : IJob
{
    public const string Name = "document-expiry";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.RunOnceAsync(cancellationToken);
}
