using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Bridge.Operations;
using Onboarding.Bridge.State;

namespace Onboarding.Api.Features.Bridge.BridgeStatus;

public sealed class GetBridgeStatusEndpoint(BridgeState state, BridgeDepths depths, NpgsqlDataSource dataSource)
    : EndpointWithoutRequest<BridgeStatusResponse>
{
    public override void Configure()
    {
        Get("/api/bridge/status");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Bridge"));
        Summary(s =>
        {
            s.Summary = "WhatsApp session state and QR code, queue depths and recent latencies";
            s.ResponseExamples[200] = BridgeStatusExamples.Status;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var status = await state.GetWithTimeAsync(BridgeState.SessionStatus, ct);
        var qr = await state.GetAsync(BridgeState.QrCode, ct);
        var session = new BridgeSession(
            status?.Value, status?.UpdatedAt, await state.GetAsync(BridgeState.SessionEvent, ct), IsImage(qr) ? qr : null);
        var depth = await depths.ReadAsync(ct);
        var queues = new BridgeQueues(depth.Backlog, depth.FailedInbound, depth.Outbox, depth.Dead);
        await Send.OkAsync(new BridgeStatusResponse(session, queues, await RecentLatencies.ReadAsync(dataSource, ct)), ct);
    }

    // The page shows the QR as an <img> from a data: URI; anything else WPPConnect might have stored is not shown.
    private static bool IsImage(string? qr) => qr is not null && qr.StartsWith("data:image/", StringComparison.Ordinal);
}
