using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Documents.ListDriverDocuments;

/// <summary>
/// A driver's checklist as staff review it: every side asked for with its current file (if any), whether the approval
/// gate applies, whether it is complete, the "documents expired" flag, and every view of a file (who, when).
/// </summary>
public sealed record DriverDocumentsResponse(
    Guid DriverId, string? VehicleType, bool Gated, bool Complete, bool DocumentsExpired,
    IReadOnlyList<ChecklistItem> Items, IReadOnlyList<DocumentView> Views);

/// <summary>One side of a document: its name, whether it expires, and the current file.</summary>
public sealed record ChecklistItem(string Document, string Kind, string Side, string Title, bool Expires, DocumentFile? File)
{
    public static ChecklistItem From(SlotState slot) => new(slot.Slot.Key, slot.Slot.Kind.Code, slot.Slot.Side,
        slot.Title.In(Language.Portuguese), slot.Slot.Kind.Expires, slot.Current is { } d ? DocumentFile.From(d) : null);
}

/// <summary>A stored file's record (never its key: staff reach the bytes through the file route only).</summary>
public sealed record DocumentFile(Guid Id, string Kind, string Side, string State, string? Reason, string ContentType, long SizeBytes, string Sha256, string SentBy,
    DateTime CreatedAt, string? ReviewedBy, DateTime? ReviewedAt, DateOnly? ExpiresOn)
{
    public static DocumentFile From(DriverDocument d) =>
        new(d.Id, d.Kind, d.Side, d.State, d.Reason, d.ContentType, d.SizeBytes, d.Sha256, d.SentBy, d.CreatedAt, d.ReviewedBy, d.ReviewedAt, d.ExpiresOn);
}
