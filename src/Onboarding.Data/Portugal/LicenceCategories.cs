using System.Collections.Frozen;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>Driving licence categories (DL 138/2012, Dir. 2006/126/EC) and the vehicle-type cross-check.</summary>
public static class LicenceCategories
{
    /// <summary>Every category in canonical order; parsed arrays follow this order.</summary>
    public static readonly IReadOnlyList<string> All =
        ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];

    private static readonly FrozenDictionary<string, int> Order =
        All.Select((c, i) => (c, i)).ToFrozenDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    /// <summary>Words that only connect or introduce categories ("B e A1", "categoria B", "B and BE").</summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
        ["E", "AND", "&", "+", "CAT", "CATEGORIA", "CATEGORIAS", "CATEGORY", "CATEGORIES", "CARTA", "LICENCE", "LICENSE"],
        StringComparer.Ordinal);

    /// <summary>Answers meaning "I have no licence".</summary>
    private static readonly FrozenSet<string> NoneAnswers = FrozenSet.ToFrozenSet(
        ["nenhuma", "nenhum", "none", "nao tenho", "nao tenho carta", "sem carta", "sem", "nao", "no", "n a", "na"],
        StringComparer.Ordinal);

    /// <summary>Categories that can only be obtained while holding B, so they imply B.</summary>
    private static readonly FrozenSet<string> ImplyB = FrozenSet.ToFrozenSet(
        ["BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"], StringComparer.Ordinal);

    /// <summary>
    /// Parses "B, A1", "b e am", "A1;B", "[\"B\",\"A1\"]" into a distinct array in canonical order. Blank input or
    /// "nenhuma"/"none" gives an empty array (no licence).
    /// </summary>
    public static Parsed<string[]> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null || NoneAnswers.Contains(TypebotInput.Fold(s)) || s.Replace(" ", string.Empty, StringComparison.Ordinal) == "[]")
        {
            return Parsed<string[]>.Success([]);
        }

        var tokens = s.ToUpperInvariant()
            .Split([',', ';', ' ', '/', '|', '[', ']', '"', '\'', '\n', '\r', '\t', '.'], StringSplitOptions.RemoveEmptyEntries);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var token in tokens)
        {
            // "C1+E", "C1-E" → "C1E".
            var t = token.Replace("+", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            if (t.Length == 0 || Fillers.Contains(token) || Fillers.Contains(t))
            {
                continue;
            }

            if (Order.ContainsKey(t))
            {
                found.Add(t);
            }
            else
            {
                unknown.Add(token);
            }
        }

        if (unknown.Count > 0)
        {
            return Parsed<string[]>.Fail(
                DriverTexts.LicenceCategoriesUnknown.With(string.Join(", ", unknown.Distinct(StringComparer.Ordinal))));
        }

        return Parsed<string[]>.Success([.. found.OrderBy(c => Order[c])]);
    }

    /// <summary>
    /// Checks that the categories allow driving the vehicle type (domain-pt.md §7): bicycle needs none; moped
    /// AM/A1/A2/A/B; motorcycle_125 A1/A2/A, or B from age 25; motorcycle A2/A; car B; van B, C1 or C. Categories
    /// that require B (BE, C1, C, D...) count as B. A null <paramref name="age"/> means unknown: B is then accepted
    /// for motorcycle_125 and the age rule must be checked once the birth date is known.
    /// Returns null when allowed, otherwise a <c>licence_categories.vehicle_mismatch</c> failure.
    /// </summary>
    public static DriverMessage? CheckVehicle(string vehicleType, IEnumerable<string>? categories, int? age)
    {
        ArgumentNullException.ThrowIfNull(vehicleType);
        var held = new HashSet<string>(categories ?? [], StringComparer.OrdinalIgnoreCase);
        if (held.Overlaps(ImplyB))
        {
            held.Add("B");
        }

        bool Any(params string[] cats) => cats.Any(held.Contains);

        (bool Ok, DriverText? Mismatch) check = vehicleType switch
        {
            VehicleTypes.Bicycle => (true, null),
            VehicleTypes.Moped => (Any("AM", "A1", "A2", "A", "B"), DriverTexts.MopedNeedsLicence),
            VehicleTypes.Motorcycle125 => (
                Any("A1", "A2", "A") || (held.Contains("B") && (age is null || age >= 25)),
                DriverTexts.Motorcycle125NeedsLicence),
            VehicleTypes.Motorcycle => (Any("A2", "A"), DriverTexts.MotorcycleNeedsLicence),
            VehicleTypes.Car => (Any("B"), DriverTexts.CarNeedsLicence),
            VehicleTypes.Van => (Any("B", "C1", "C"), DriverTexts.VanNeedsLicence),
            _ => (false, DriverTexts.VehicleTypeNotChecked),
        };

        return check.Ok ? null : check.Mismatch!.With();
    }
}
