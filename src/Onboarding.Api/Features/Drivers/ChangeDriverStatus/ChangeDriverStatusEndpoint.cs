using System.Security.Claims;
using FastEndpoints;
using Npgsql;
using Onboarding.Api.Auth;
using Onboarding.Api.Features.Documents;
using Onboarding.Bridge.Notifications;
using Onboarding.Data.Documents;
using Onboarding.Data.Drivers;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.ChangeDriverStatus;

public sealed partial class ChangeDriverStatusEndpoint(DriverRepository drivers, DriverNotifier notifier, DocumentProgress documents, DocumentStore documentStore, TimeProvider clock) : Endpoint<ChangeDriverStatusRequest, DriverDetails>
{
    public override void Configure()
    {
        Post("/api/drivers/{id:guid}/status");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Drivers").ProducesProblemDetails(404).ProducesProblemDetails(409));
        Summary(s =>
        {
            s.Summary = "Move a driver through the review (optimistic concurrency on version)";
            s.ExampleRequest = new ChangeDriverStatusRequest { Status = "approved", Reason = "Documentos verificados", Version = 2 };
            s.ResponseExamples[200] = DriverExamples.Details;
        });
    }

    public override async Task HandleAsync(ChangeDriverStatusRequest req, CancellationToken ct)
    {
        var actor = User.FindFirstValue(ClaimTypes.Name) ?? "staff";
        // The approval gate (docs/0033): a driver registered under a checklist is approved only with every document in.
        if (req.Status == DriverStatus.Approved && await documents.ForAsync(req.Id, ct) is { Gated: true, State.Blocking: { Count: > 0 } blocking })
        {
            AddError(r => r.Status, "The driver cannot be approved yet: documents missing or asked again: "
                + string.Join(", ", blocking.Select(b => $"{b.Title.In(Language.Portuguese)} ({(b.Missing ? "em falta" : "pedido de novo")})")) + ".");
            await Send.ErrorsAsync(409, ct);
            return;
        }

        var outcome = await drivers.ChangeStatusAsync(req.Id, req.Version, req.Status, req.Reason?.Trim(), actor, ct);
        switch (outcome.Result)
        {
            case StatusChangeResult.NotFound:
                await Send.NotFoundAsync(ct);
                return;
            case StatusChangeResult.StaleVersion:
                AddError(r => r.Version, $"The driver changed since you read it (now version {outcome.Version}, status {outcome.Status}). Reload and try again.");
                await Send.ErrorsAsync(409, ct);
                return;
            case StatusChangeResult.Forbidden:
                AddError(r => r.Status, $"A driver in status {outcome.Status} cannot move to {req.Status}. Allowed: {string.Join(", ", DriverStatus.NextOf(outcome.Status!))}.");
                await Send.ErrorsAsync(409, ct);
                return;
        }

        try
        {
            // The driver hears of it on WhatsApp; if this fails the bridge's sweep announces it shortly after.
            await notifier.RunOnceAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            LogNotifyFailed(e.Message);
        }

        var driver = await drivers.GetAsync(req.Id, ct);
        await Send.OkAsync(DriverDetails.From(driver!, await drivers.GetHistoryAsync(req.Id, ct)) with
        {
            DocumentsExpired = await documentStore.IsExpiredAsync(req.Id, clock, ct),
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status change saved; the WhatsApp notice waits for the sweep: {Error}")]
    private partial void LogNotifyFailed(string error);
}
