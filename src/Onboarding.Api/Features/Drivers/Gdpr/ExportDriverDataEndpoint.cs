using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Api.Features.Documents.ListDriverDocuments;
using Onboarding.Data.Documents;
using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.Gdpr;

/// <summary>The driver row, and every other place that holds the driver's data (the same set erasure clears, docs/0020).</summary>
public sealed record ExportDriverDataResponse(DateTime ExportedAt, string Controller, DriverDetails Driver)
{
    public IReadOnlyList<DriverDataPlace> HeldIn { get; init; } = [];

    public IReadOnlyList<DriverContact> WhatsappContacts { get; init; } = [];

    public IReadOnlyList<DriverMessage> WhatsappMessages { get; init; } = [];

    /// <summary>Every document file sent, replaced ones included (the files themselves through the console's file route).</summary>
    public IReadOnlyList<DocumentFile> Documents { get; init; } = [];

    public IReadOnlyList<DocumentView> DocumentViews { get; init; } = [];
}

/// <summary>GDPR art. 15/20: everything we hold about one driver, as a JSON download.</summary>
public sealed class ExportDriverDataEndpoint(DriverRepository drivers, DriverDataCopies copies, DocumentStore documents, TimeProvider clock) : Endpoint<EraseDriverRequest, ExportDriverDataResponse>
{
    public override void Configure()
    {
        Get("/api/drivers/{id:guid}/gdpr-export");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("GDPR").Produces(404));
        Summary(s =>
        {
            s.Summary = "Export all personal data held about one driver";
            s.ResponseExamples[200] = new ExportDriverDataResponse(new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc), "Léguas Franzinas", DriverExamples.Details);
        });
    }

    public override async Task HandleAsync(EraseDriverRequest req, CancellationToken ct)
    {
        if (await drivers.GetAsync(req.Id, ct) is not { } driver)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=driver-{driver.Id}.json";
        var held = await copies.ReadAsync(driver, ct);
        await Send.OkAsync(new ExportDriverDataResponse(clock.GetUtcNow().UtcDateTime, "Léguas Franzinas",
            DriverDetails.From(driver, await drivers.GetHistoryAsync(driver.Id, ct)))
        {
            HeldIn = held.Places,
            WhatsappContacts = held.Contacts,
            WhatsappMessages = held.Messages,
            Documents = [.. (await documents.AllAsync(driver.Id, ct)).Select(DocumentFile.From)],
            DocumentViews = await documents.ViewsAsync(driver.Id, ct),
        }, ct);
    }
}
