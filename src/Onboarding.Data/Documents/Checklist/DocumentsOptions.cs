namespace Onboarding.Data.Documents.Checklist;

/// <summary>
/// Which documents a driver sends, per vehicle type (section <c>Documents</c>, docs/0033). What is configured replaces
/// the default of the same key (a kind, a vehicle type's list); what is not configured keeps its default
/// (<see cref="DocumentDefaults"/>). An empty list for a vehicle type asks nothing of it.
/// </summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>Off: no checklist, no approval gate, no reminders; the flow's loop finds nothing missing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The largest file accepted, unless a kind says otherwise.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Document kinds by code (<c>identity</c>, <c>driving_licence</c>, …).</summary>
    public IDictionary<string, DocumentKindOptions> Kinds { get; set; } = new Dictionary<string, DocumentKindOptions>(StringComparer.Ordinal);

    /// <summary>Vehicle type code → the kinds required, in the order the flow asks for them.</summary>
    public IDictionary<string, List<string>> Checklists { get; set; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    /// <summary>Days before an expiry date when the driver is reminded (each at most once per document).</summary>
    public List<int>? ReminderDays { get; set; }

    public IReadOnlyList<int> ReminderDaysOrDefault => ReminderDays is { Count: > 0 } days ? days : DocumentDefaults.ReminderDays;
}

/// <summary>One kind of document: its names, its sides, what files it takes and whether it expires.</summary>
public sealed class DocumentKindOptions
{
    public string LabelPt { get; set; } = "";
    public string LabelEn { get; set; } = "";

    /// <summary><c>front</c> and <c>back</c>, or <c>single</c> for a one-page document.</summary>
    public List<string> Sides { get; set; } = [];

    /// <summary>A subset of <c>image/jpeg</c>, <c>image/png</c>, <c>application/pdf</c>; empty means all three.</summary>
    public List<string> AcceptedTypes { get; set; } = [];

    /// <summary>0 means <see cref="DocumentsOptions.MaxBytes"/>.</summary>
    public long MaxBytes { get; set; }

    /// <summary>The document carries an expiry date: the driver types it after the last side, staff may set it.</summary>
    public bool Expires { get; set; }
}
