using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Data.Documents;

namespace Onboarding.Api.Features.Documents.ListDriverDocuments;

public sealed record DriverDocumentsRequest
{
    [RouteParam]
    public Guid Id { get; init; }
}

public sealed class ListDriverDocumentsEndpoint(DocumentProgress progress, DocumentStore documents, TimeProvider clock)
    : Endpoint<DriverDocumentsRequest, DriverDocumentsResponse>
{
    public override void Configure()
    {
        Get("/api/drivers/{id:guid}/documents");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Documents").Produces(404));
        Summary(s =>
        {
            s.Summary = "A driver's document checklist with the current files, the expired flag and every view";
            s.ResponseExamples[200] = DocumentExamples.Checklist;
        });
    }

    public override async Task HandleAsync(DriverDocumentsRequest req, CancellationToken ct)
    {
        if (await progress.ForAsync(req.Id, ct) is not { } driver)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var expired = await documents.IsExpiredAsync(req.Id, clock, ct);
        await Send.OkAsync(new DriverDocumentsResponse(req.Id, driver.Driver.VehicleType, driver.Gated, driver.State.Complete, expired,
            [.. driver.State.Slots.Select(ChecklistItem.From)], await documents.ViewsAsync(req.Id, ct)), ct);
    }
}
