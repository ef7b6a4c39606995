using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Observability;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.State;

namespace Onboarding.Bridge.Session;

/// <summary>
/// Watches the WhatsApp session: records its state and latest QR code for the console, reopens a closed session
/// from its saved credentials, and runs a catch-up as soon as it is connected again so nothing written meanwhile
/// waits for the next scheduled pass.
/// </summary>
public sealed partial class SessionHealth(
    WppConnectClient wpp,
    BridgeState state,
    WppConnectCatchUp catchUp,
    SendGovernor governor,
    IOptions<BridgeOptions> options,
    ILogger<SessionHealth> logger)
{
    public const string Connected = "CONNECTED";
    public const string Unreachable = "UNREACHABLE";

    /// <summary>One check; returns the state seen.</summary>
    public async Task<string> RunOnceAsync(CancellationToken ct)
    {
        var previous = await state.GetAsync(BridgeState.SessionStatus, ct);
        string status;
        try
        {
            var session = await wpp.GetSessionStatusAsync(ct);
            status = (session.Status ?? "UNKNOWN").ToUpperInvariant();
            if (status == "QRCODE" && QrCodes.AsDataUri(session.Qrcode) is { } qr)
            {
                await state.SetAsync(BridgeState.QrCode, qr, ct);
            }

            if (status == "CLOSED" && options.Value.ReopenClosedSession)
            {
                LogReopening();
                status = ((await wpp.StartSessionAsync(null, ct)).Status ?? status).ToUpperInvariant();
            }
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            status = Unreachable;
        }

        await state.SetAsync(BridgeState.SessionStatus, status, ct);
        BridgeMetrics.SessionConnected(status == Connected);
        if (status == Connected)
        {
            await state.DeleteAsync(BridgeState.QrCode, ct);
            if (previous is not null && previous != Connected)
            {
                LogBack(previous);
                await governor.ReconnectedAsync(ct);
                await catchUp.RunOnceAsync(ct);
            }
        }
        else
        {
            LogNotConnected(status);
        }

        return status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp session is not connected: {Status}")]
    private partial void LogNotConnected(string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp session connected again (was {Previous}); catching up")]
    private partial void LogBack(string previous);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp session is closed; starting it again from its saved login")]
    private partial void LogReopening();
}
