using Microsoft.Extensions.Options;
using Onboarding.Data.Portugal;

namespace Onboarding.Data.Documents.Checklist;

/// <summary>Refuses at boot a checklist the flow could not collect: unknown kinds, vehicles, sides or types.</summary>
public sealed class DocumentsOptionsValidator : IValidateOptions<DocumentsOptions>
{
    /// <summary>The trusted fetcher's default cap; a bigger document could never arrive.</summary>
    public const long MaxAllowedBytes = 25 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        var failures = new List<string>();
        const string S = DocumentsOptions.Section;
        if (options.MaxBytes is < 1024 or > MaxAllowedBytes)
        {
            failures.Add($"{S}:MaxBytes must be between 1024 and {MaxAllowedBytes}.");
        }

        var kinds = DocumentDefaults.Kinds.Keys.Concat(options.Kinds.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, kind) in options.Kinds)
        {
            var at = $"{S}:Kinds:{code}";
            if (code.Length == 0 || code.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
            {
                failures.Add($"{at}: a kind's code holds only lower-case letters, digits and '_'.");
            }

            if (string.IsNullOrWhiteSpace(kind.LabelPt) || string.IsNullOrWhiteSpace(kind.LabelEn))
            {
                failures.Add($"{at}: LabelPt and LabelEn are required.");
            }

            if (kind.Sides.Count == 0 || kind.Sides.Any(s => !DocumentSides.IsKnown(s)) || kind.Sides.Distinct().Count() != kind.Sides.Count
                || (kind.Sides.Contains(DocumentSides.Single) && kind.Sides.Count > 1))
            {
                failures.Add($"{at}:Sides must be [\"single\"] or distinct sides among \"front\", \"back\".");
            }

            if (kind.AcceptedTypes.Any(t => !DocumentTypes.All.Contains(t)))
            {
                failures.Add($"{at}:AcceptedTypes may only hold {string.Join(", ", DocumentTypes.All)} (HEIC is refused, docs/0033).");
            }

            if (kind.MaxBytes is < 0 or > MaxAllowedBytes)
            {
                failures.Add($"{at}:MaxBytes must be 0 (the default) or at most {MaxAllowedBytes}.");
            }
        }

        foreach (var (vehicle, codes) in options.Checklists)
        {
            if (VehicleTypes.Find(vehicle) is null)
            {
                failures.Add($"{S}:Checklists:{vehicle}: unknown vehicle type; use one of {string.Join(", ", VehicleTypes.All.Select(v => v.Code))}.");
            }

            foreach (var code in codes.Where(c => !kinds.Contains(c)))
            {
                failures.Add($"{S}:Checklists:{vehicle}: unknown document kind \"{code}\"; define it under {S}:Kinds.");
            }
        }

        if (options.ReminderDays is { } days && (days.Any(d => d is < 0 or > 365) || days.Distinct().Count() != days.Count))
        {
            failures.Add($"{S}:ReminderDays must be distinct numbers of days between 0 and 365.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
