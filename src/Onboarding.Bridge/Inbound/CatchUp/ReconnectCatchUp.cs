using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Onboarding.Bridge.Drains;

namespace Onboarding.Bridge.Inbound.CatchUp;

/// <summary>
/// WhatsApp is back (<c>status-find</c> <c>inChat</c>): what was written during the gap must reach the ledger before
/// any newer message is mirrored. <see cref="Start"/> closes the <see cref="CatchUpGate"/> at once (before the webhook
/// is answered, so the messages WPPConnect sends after this event wait) and runs the catch-up in the background;
/// the webhook request never waits for it. Events during a run ask for one more run after it.
/// </summary>
public sealed partial class ReconnectCatchUp(
    WppConnectCatchUp catchUp,
    CatchUpGate gate,
    BridgeSignal signal,
    IHostApplicationLifetime lifetime,
    ILogger<ReconnectCatchUp> logger)
{
    /// <summary>Mirroring never waits longer than this for a catch-up (WPPConnect hanging must not stall every chat).</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private Task? _running;
    private bool _active;
    private bool _again;

    /// <summary>The run in progress, if any (tests wait on it).</summary>
    public Task Running
    {
        get
        {
            lock (_lock)
            {
                return _running ?? Task.CompletedTask;
            }
        }
    }

    public void Start()
    {
        lock (_lock)
        {
            if (_active)
            {
                _again = true;
                return;
            }

            _active = true;
            var closed = gate.Close();
            _running = Task.Run(() => RunAsync(closed));
        }
    }

    private async Task RunAsync(IDisposable closed)
    {
        try
        {
            while (true)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
                timeout.CancelAfter(MaxPause);
                try
                {
                    await catchUp.RunOnceAsync(timeout.Token);
                }
                catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    // The session health job catches up on its next pass; mirroring goes on meanwhile.
                    LogCatchUpFailed(e.GetType().Name);
                }

                lock (_lock)
                {
                    if (!_again)
                    {
                        _active = false;
                        return;
                    }

                    _again = false;
                }
            }
        }
        catch (Exception) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            lock (_lock)
            {
                _active = false;
            }
        }
        finally
        {
            closed.Dispose();
            signal.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up after WhatsApp reconnected failed ({Error}); the session job will retry")]
    private partial void LogCatchUpFailed(string error);
}
