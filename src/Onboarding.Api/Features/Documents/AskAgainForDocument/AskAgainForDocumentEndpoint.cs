using System.Security.Claims;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;
using Onboarding.Api.Auth;
using Onboarding.Api.Features.Documents.ListDriverDocuments;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Notifications;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.AskAgainForDocument;

public sealed record AskAgainRequest
{
    [RouteParam]
    public Guid Id { get; init; }

    [RouteParam]
    public Guid DocumentId { get; init; }

    /// <summary>Why, in words the driver reads on WhatsApp ("a fotografia está desfocada").</summary>
    public string Reason { get; init; } = "";
}

public sealed class AskAgainValidator : Validator<AskAgainRequest>
{
    public AskAgainValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("reason is required: the driver reads it on WhatsApp.");
        RuleFor(x => x.Reason).MaximumLength(300);
        RuleFor(x => x.Reason).Must(r => r is null || !r.Contains('\0', StringComparison.Ordinal)).WithMessage("reason must not contain NUL characters.");
    }
}

/// <summary>
/// Staff ask the driver for one side of a document again, with a reason: the file is marked rejected, the driver is
/// told on WhatsApp in their language (a service notice, once per file), and their next session of the flow starts at
/// that document (the flow's loop asks for asked-again sides first).
/// </summary>
public sealed class AskAgainForDocumentEndpoint(
    DocumentStore documents, DocumentChecklist checklist, OutboxStore outbox, BridgeSignal signal, IOptions<TypebotOptions> typebot)
    : Endpoint<AskAgainRequest, DocumentFile>
{
    public override void Configure()
    {
        Post("/api/drivers/{id:guid}/documents/{documentId:guid}/ask_again");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Staff);
        Description(d => d.WithTags("Documents").ProducesProblemDetails(404).ProducesProblemDetails(409));
        Summary(s =>
        {
            s.Summary = "Ask the driver again for a document, with a reason they read on WhatsApp";
            s.ExampleRequest = new AskAgainRequest { Reason = "a fotografia está desfocada" };
            s.ResponseExamples[200] = DocumentExamples.File with { State = DocumentStates.Rejected, Reason = "a fotografia está desfocada" };
        });
    }

    public override async Task HandleAsync(AskAgainRequest req, CancellationToken ct)
    {
        if (await documents.GetAsync(req.Id, req.DocumentId, ct) is not { } current || checklist.Slot(current.Kind, current.Side) is not { } slot)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var reason = req.Reason.Trim();
        var actor = User.FindFirstValue(ClaimTypes.Name) ?? "staff";
        if (await documents.ReviewAsync(req.Id, req.DocumentId, approve: false, reason, actor, ct) is not { } rejected)
        {
            AddError("A newer file of this side came in since you read it. Reload and review that one.");
            await Send.ErrorsAsync(409, ct);
            return;
        }

        if (await documents.RecipientAsync(req.Id, ct) is { WaChatId: { } chat } recipient)
        {
            var language = DocumentProgress.LanguageOf(recipient.Language);
            var keyword = typebot.Value.DocumentKeywords.FirstOrDefault(k => language == Language.English ? k == "documents" : k == "documentos")
                ?? typebot.Value.DocumentKeywords.FirstOrDefault() ?? "documentos";
            var text = DriverTexts.AskAgainNotice.With(DocumentNotices.NameSuffix(recipient.FullName), new DocumentTitle(slot), reason, keyword).In(language);
            // One notice per asked-again file: a retried request finds the key taken.
            if (await outbox.EnqueueAsync(DocumentNotices.Entries($"document-ask-again:{rejected.Id:N}", chat, recipient.ChatwootConversationId, text,
                recipient.Language, recipient.FullName, new DocumentTitle(slot).In(language)), ct) > 0)
            {
                signal.Wake();
            }
        }

        await Send.OkAsync(DocumentFile.From(rejected), ct);
    }
}
