using System.Security.Claims;
using FastEndpoints;
using FluentValidation;
using Onboarding.Api.Auth;
using Onboarding.Api.Features.Documents.ListDriverDocuments;
using Onboarding.Data.Documents;

namespace Onboarding.Api.Features.Documents.ApproveDocument;

public sealed record ApproveDocumentRequest
{
    [RouteParam]
    public Guid Id { get; init; }

    [RouteParam]
    public Guid DocumentId { get; init; }

    /// <summary>The expiry date staff read on the document (dd/mm/yyyy or yyyy-mm-dd), for every side of it; optional.</summary>
    public string? ExpiresOn { get; init; }
}

public sealed class ApproveDocumentValidator : Validator<ApproveDocumentRequest>
{
    public ApproveDocumentValidator() =>
        RuleFor(x => x.ExpiresOn).Must(e => string.IsNullOrWhiteSpace(e) || ExpiryDate.Parse(e) is not null)
            .WithMessage("expires_on must be a date, dd/mm/yyyy or yyyy-mm-dd.");
}

/// <summary>Staff approve the current file of one side of a document (and may set the document's expiry date).</summary>
public sealed class ApproveDocumentEndpoint(DocumentStore documents) : Endpoint<ApproveDocumentRequest, DocumentFile>
{
    public override void Configure()
    {
        Post("/api/drivers/{id:guid}/documents/{documentId:guid}/approve");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Documents").ProducesProblemDetails(404).ProducesProblemDetails(409));
        Summary(s =>
        {
            s.Summary = "Approve a document file";
            s.ResponseExamples[200] = DocumentExamples.File;
        });
    }

    public override async Task HandleAsync(ApproveDocumentRequest req, CancellationToken ct)
    {
        if (await documents.GetAsync(req.Id, req.DocumentId, ct) is not { } current)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var actor = User.FindFirstValue(ClaimTypes.Name) ?? "staff";
        if (await documents.ReviewAsync(req.Id, req.DocumentId, approve: true, null, actor, ct) is not { } approved)
        {
            AddError("A newer file of this side came in since you read it. Reload and review that one.");
            await Send.ErrorsAsync(409, ct);
            return;
        }

        if (ExpiryDate.Parse(req.ExpiresOn) is { } date)
        {
            await documents.SetExpiryAsync(req.Id, current.Kind, date, ct);
            approved = (await documents.GetAsync(req.Id, req.DocumentId, ct))!;
        }

        await Send.OkAsync(DocumentFile.From(approved), ct);
    }
}
