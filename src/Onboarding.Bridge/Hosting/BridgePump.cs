using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Hosting;

/// <summary>
/// Drains the inbound ledger and the outbox: at once when a webhook wakes it, otherwise every second so retries
/// that come due and work left by a crashed replica are picked up. When a pass fails (Postgres or an upstream down)
/// it waits longer each time (1 s doubling up to 30 s) and logs only when it goes down and when it is back.
/// </summary>
public sealed partial class BridgePump(IServiceProvider services, BridgeSignal signal, ILogger<BridgePump> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbound = services.GetRequiredService<InboundProcessor>();
        var outbox = services.GetRequiredService<OutboxDispatcher>();
        // Nothing to read back over the Cloud API: Meta redelivers a webhook until it is acknowledged.
        var catchUp = !services.GetRequiredService<IOptions<WhatsAppOptions>>().Value.IsCloudApi;
        try
        {
            // After a crash the clustered catch-up job may stay with the dead instance until cluster recovery: catch
            // up once now, so what arrived while this replica was down is not left waiting for it.
            if (catchUp)
            {
                await services.GetRequiredService<WppConnectCatchUp>().RunOnceAsync(stoppingToken);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogStartCatchUpFailed(e.GetType().Name);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = await inbound.RunOnceAsync(stoppingToken) + await outbox.RunOnceAsync(stoppingToken);
                Succeeded();
                if (done > 0)
                {
                    continue;
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: keep the pump alive and try again after the backoff.
                Failed(e);
            }

            try
            {
                if (_failures == 0)
                {
                    await signal.WaitAsync(Tick, stoppingToken);
                }
                else
                {
                    // While failing, a webhook's wake-up does not shorten the wait: it would fail the same way.
                    await Task.Delay(Backoff(_failures), stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … capped at 30 s.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Tick.Ticks << Math.Min(failures - 1, 10)));

    private void Failed(Exception e)
    {
        if (_failures++ == 0)
        {
            LogDown(e);
        }
    }

    private void Succeeded()
    {
        if (_failures > 0)
        {
            LogBack(_failures);
            _failures = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bridge pass failed; retrying with backoff, logging again when it works")]
    private partial void LogDown(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bridge passes work again after {Failures} failed attempts")]
    private partial void LogBack(int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catch-up at start failed ({Error}); the scheduled job retries")]
    private partial void LogStartCatchUpFailed(string error);
}
