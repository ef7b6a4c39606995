using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Onboarding.Bridge.CatchUp;
using Onboarding.Bridge.Inbound;
using Onboarding.Bridge.Outbox;

namespace Onboarding.Bridge.Hosting;

/// <summary>
/// Drains the inbound ledger and the outbox: at once when a webhook wakes it, otherwise every second so retries
/// that come due and work left by a crashed replica are picked up.
/// </summary>
public sealed partial class BridgePump(IServiceProvider services, BridgeSignal signal, ILogger<BridgePump> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbound = services.GetRequiredService<InboundProcessor>();
        var outbox = services.GetRequiredService<OutboxDispatcher>();
        try
        {
            // After a crash the clustered catch-up job may stay with the dead instance until cluster recovery: catch
            // up once now, so what arrived while this replica was down is not left waiting for it.
            await services.GetRequiredService<WppConnectCatchUp>().RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogPassFailed(e);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = await inbound.RunOnceAsync(stoppingToken) + await outbox.RunOnceAsync(stoppingToken);
                if (done > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: keep the pump alive and try again on the next tick.
                LogPassFailed(e);
            }

            try
            {
                await signal.WaitAsync(Tick, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bridge pass failed")]
    private partial void LogPassFailed(Exception e);
}
