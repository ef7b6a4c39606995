namespace Onboarding.Data.Documents;

/// <summary>One file a driver sent for a side of a document; property types match the columns.</summary>
public sealed class DriverDocument
{
    public Guid Id { get; init; }
    public Guid DriverId { get; init; }
    public string Kind { get; init; } = "";
    public string Side { get; init; } = "";
    public string FileKey { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    public string SentBy { get; init; } = "";
    public string State { get; init; } = DocumentStates.Submitted;
    public string? Reason { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTime? ReviewedAt { get; init; }
    public DateTime? ApprovedAt { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public DateTime CreatedAt { get; init; }
}

public static class DocumentStates
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    /// <summary>Staff asked for it again, with a reason; the flow asks for it first.</summary>
    public const string Rejected = "rejected";
    /// <summary>A newer file of the same side came; kept for the history until erasure.</summary>
    public const string Replaced = "replaced";
}

/// <summary>A file to record: the bytes are already in the store under <see cref="FileKey"/>.</summary>
public sealed record NewDocument(Guid Id, Guid DriverId, string Kind, string Side, string FileKey, string Sha256, string ContentType,
    long SizeBytes, string SentBy, DateOnly? ExpiresOn);

/// <summary>A view of a file by staff (GDPR: who read a driver's document, when).</summary>
public sealed record DocumentView(long Id, Guid? DocumentId, string Kind, string Side, string Viewer, DateTime At);

/// <summary>A reminder due: the document, the day count it is for, and where to tell the driver.</summary>
public sealed class DueReminder
{
    public Guid DocumentId { get; init; }
    public Guid DriverId { get; init; }
    public string Kind { get; init; } = "";
    public DateOnly ExpiresOn { get; init; }
    public int DaysBefore { get; init; }
    public string? FullName { get; init; }
    public string? WaChatId { get; init; }
    public long? ChatwootConversationId { get; init; }
    public string? Language { get; init; }
}

/// <summary>The driver to tell, in their language, in their chat.</summary>
public sealed record DocumentRecipient(Guid DriverId, string? FullName, string? WaChatId, long? ChatwootConversationId, string? Language);
