using System.Security.Claims;
using System.Security.Cryptography;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Documents.Files;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.StoreDocument;

/// <summary>
/// Stores the file the flow's file input received as the current file of one side of a document: fetched, typed
/// from its bytes, kept in the document store under an opaque key with its hash, type, size and sender.
/// </summary>
public sealed partial class StoreDocumentEndpoint(
    DocumentProgress progress,
    DocumentFileIntake intake,
    IDocumentFiles files,
    DocumentStore documents,
    ChecklistCompleteNote completeNote) : TypebotDocumentEndpoint(progress)
{
    public const string Route = "/documents/store_typebot";

    public static readonly IReadOnlyList<string> FieldNames = ["driver_id", "document", "file_url"];

    public static readonly IReadOnlyList<string> RequiredFieldNames = ["driver_id", "document", "file_url"];

    protected override IReadOnlyList<string> Fields => FieldNames;

    public override void Configure()
    {
        Post(Route);
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Typebot);
        Description(d => d
            .WithName("store_document_typebot")
            .WithTags("Typebot")
            .Produces<StoreDocumentResponse>(200)
            .Produces<FlatError>(400)
            .Produces<FlatError>(401)
            .Produces<FlatError>(422), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Store the file a driver sent for one side of a document (JPEG, PNG or PDF; HEIC is refused)";
            s.Description = "document is what next_typebot answered (identity:front). Messages are in pt-PT, or in English with Accept-Language: en.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not var (driver, fields, language))
        {
            return;
        }

        // Only a side of the driver's own checklist: the flow cannot fill the store with anything else.
        var named = DocumentSlot.Parse(fields.GetValueOrDefault("document"));
        var slot = driver.State.Slots.FirstOrDefault(s => named is { } n && s.Slot.Kind.Code == n.Kind && s.Slot.Side == n.Side)?.Slot;
        if (slot is null)
        {
            await FailAsync(FieldProblem.Of("document", DriverTexts.DocumentUnknown), language, ct);
            return;
        }

        var file = await intake.ReadAsync(fields.GetValueOrDefault("file_url"), slot.Kind, ct);
        if (file.Problem is { } refused)
        {
            LogRefused(slot.Key, refused.Code);
            await FailAsync(refused, language, ct);
            return;
        }

        var documentId = Guid.NewGuid();
        var key = $"drivers/{driver.Driver.Id:D}/{documentId:N}";
        await files.PutAsync(key, new MemoryStream(file.Bytes!, writable: false), file.ContentType!, ct);
        try
        {
            await documents.SaveAsync(new NewDocument(documentId, driver.Driver.Id, slot.Kind.Code, slot.Side, key,
                Convert.ToHexStringLower(SHA256.HashData(file.Bytes!)), file.ContentType!, file.Bytes!.LongLength,
                User.FindFirstValue(ClaimTypes.Name) ?? ApiRoles.Typebot, null), ct);
        }
        catch
        {
            // No row names the file: it must not stay behind (docs/0020).
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        LogStored(slot.Key, file.ContentType!, file.Bytes!.Length);
        if (await Progress.ForAsync(driver.Driver.Id, ct) is { } after)
        {
            await completeNote.SendAsync(after, documentId, ct);
        }

        var expiry = slot.Kind.Expires && slot.Kind.IsLastSide(slot.Side)
            ? DriverTexts.ExpiryQuestion.With(slot.Kind.Label(language)).In(language)
            : "";
        await SendAsync(200, new StoreDocumentResponse(true, slot.Key, DriverTexts.DocumentStored.With().In(language), expiry), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {Document} stored ({ContentType}, {Bytes} bytes)")]
    private partial void LogStored(string document, string contentType, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {Document} refused: {Code}")]
    private partial void LogRefused(string document, string code);
}
