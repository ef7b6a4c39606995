using System.Security.Claims;
using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Media;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Files;

namespace Onboarding.Api.Features.Documents.GetDocumentFile;

public sealed record GetDocumentFileRequest
{
    [RouteParam]
    public Guid Id { get; init; }

    [RouteParam]
    public Guid DocumentId { get; init; }
}

/// <summary>
/// The bytes of a driver's document, for staff only; every call is recorded (who, when) before a byte is sent, and
/// the file is served with the media route's headers (no sniffing, sandboxed, images inline, PDF as a download).
/// </summary>
public sealed class GetDocumentFileEndpoint(DocumentStore documents, IDocumentFiles files) : Endpoint<GetDocumentFileRequest>
{
    public override void Configure()
    {
        Get("/api/drivers/{id:guid}/documents/{documentId:guid}/file");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Documents").Produces(200).Produces<Microsoft.AspNetCore.Mvc.ProblemDetails>(404, "application/problem+json"), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "A document file (the view is recorded in the driver's history)";
            s.ResponseExamples[404] = new
            {
                status = 404,
                title = "Not Found",
                detail = "No such document file.",
                instance = "/api/drivers/019a7c1e-3b2f-7a10-9c41-5d2e8f6a1b3c/documents/019a7c1e-4c3a-7b21-8d52-6e3f9a7b2c4d/file",
                code = "document.not_found",
            };
        });
    }

    public override async Task HandleAsync(GetDocumentFileRequest req, CancellationToken ct)
    {
        if (await documents.GetAsync(req.Id, req.DocumentId, ct) is not { } document
            || MediaServing.Allowed(document.ContentType) is not { } type
            || await files.OpenAsync(document.FileKey, ct) is not { } file)
        {
            await ApiErrorWriter.WriteAsync(HttpContext, 404, "document.not_found", "No such document file.");
            return;
        }

        await using (file)
        {
            await documents.RecordViewAsync(document, User.FindFirstValue(ClaimTypes.Name) ?? "staff", ct);
            MediaServing.SetHeaders(HttpContext.Response, type);
            await Send.StreamAsync(file.Content, fileLengthBytes: file.Length, contentType: type, cancellation: ct);
        }
    }
}
