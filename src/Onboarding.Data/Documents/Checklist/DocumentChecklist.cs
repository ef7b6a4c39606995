using Microsoft.Extensions.Options;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Documents.Checklist;

/// <summary>A kind of document as the checklist uses it, defaults and configuration merged.</summary>
public sealed record DocumentKind(
    string Code, string LabelPt, string LabelEn, IReadOnlyList<string> Sides, IReadOnlyList<string> AcceptedTypes, long MaxBytes, bool Expires)
{
    public string Label(Language language) => language == Language.English ? LabelEn : LabelPt;

    /// <summary>The side after which the driver types the expiry date: the last one.</summary>
    public bool IsLastSide(string side) => Sides.Count > 0 && Sides[^1] == side;
}

/// <summary>One file the checklist asks for: a side of a kind (<c>identity:front</c>).</summary>
public sealed record DocumentSlot(DocumentKind Kind, string Side)
{
    public string Key => Kind.Code + ":" + Side;

    /// <summary>Parses <c>kind:side</c> (a kind with a single side may be named alone).</summary>
    public static (string Kind, string Side)? Parse(string? text)
    {
        var parts = (text ?? "").Trim().ToLowerInvariant().Split(':', 2);
        return parts[0].Length == 0 ? null : (parts[0], parts.Length == 2 ? parts[1] : DocumentSides.Single);
    }
}

/// <summary>The configured checklist (<see cref="DocumentsOptions"/> over <see cref="DocumentDefaults"/>), read once per options value.</summary>
public sealed class DocumentChecklist(IOptions<DocumentsOptions> options)
{
    private readonly Lazy<Merged> _merged = new(() => Merge(options.Value));

    public bool Enabled => options.Value.Enabled;

    public IReadOnlyList<int> ReminderDays => options.Value.ReminderDaysOrDefault;

    public DocumentKind? Kind(string? code) => code is not null && _merged.Value.Kinds.TryGetValue(code, out var kind) ? kind : null;

    public IEnumerable<DocumentKind> Kinds => _merged.Value.Kinds.Values;

    /// <summary>The kinds a driver on this vehicle must send, in order; none when off or the vehicle is unknown.</summary>
    public IReadOnlyList<DocumentKind> For(string? vehicleType) =>
        Enabled && vehicleType is not null && _merged.Value.Checklists.TryGetValue(vehicleType, out var kinds) ? kinds : [];

    /// <summary>Every file the checklist asks of this vehicle, in the order the flow asks.</summary>
    public IReadOnlyList<DocumentSlot> SlotsFor(string? vehicleType) =>
        [.. For(vehicleType).SelectMany(k => k.Sides.Select(s => new DocumentSlot(k, s)))];

    public DocumentSlot? Slot(string? kind, string? side) =>
        Kind(kind) is { } k && side is not null && k.Sides.Contains(side) ? new DocumentSlot(k, side) : null;

    private sealed record Merged(IReadOnlyDictionary<string, DocumentKind> Kinds, IReadOnlyDictionary<string, IReadOnlyList<DocumentKind>> Checklists);

    private static Merged Merge(DocumentsOptions o)
    {
        var kinds = new Dictionary<string, DocumentKind>(StringComparer.Ordinal);
        foreach (var (code, k) in DocumentDefaults.Kinds.Concat(o.Kinds).GroupBy(p => p.Key).Select(g => g.Last()))
        {
            kinds[code] = new DocumentKind(code, k.LabelPt, k.LabelEn, k.Sides,
                k.AcceptedTypes.Count > 0 ? k.AcceptedTypes : DocumentTypes.All, k.MaxBytes > 0 ? k.MaxBytes : o.MaxBytes, k.Expires);
        }

        var checklists = new Dictionary<string, IReadOnlyList<DocumentKind>>(StringComparer.Ordinal);
        foreach (var (vehicle, codes) in DocumentDefaults.Checklists.Concat(o.Checklists.Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string>)p.Value))))
        {
            checklists[vehicle] = [.. codes.Select(c => kinds.GetValueOrDefault(c)).OfType<DocumentKind>()];
        }

        return new Merged(kinds, checklists);
    }
}
