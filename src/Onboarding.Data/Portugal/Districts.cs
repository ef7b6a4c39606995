using System.Collections.Frozen;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>A district or autonomous region: ISO 3166-2:PT code and Portuguese name.</summary>
public readonly record struct District(string Code, string Name);

/// <summary>The 18 districts and 2 autonomous regions of ISO 3166-2:PT (there is no PT-19).</summary>
public static class Districts
{
    /// <summary>All 20 entries ordered by code, with the Portuguese names (accents included).</summary>
    public static readonly IReadOnlyList<District> All =
    [
        new("PT-01", "Aveiro"),
        new("PT-02", "Beja"),
        new("PT-03", "Braga"),
        new("PT-04", "Bragança"),
        new("PT-05", "Castelo Branco"),
        new("PT-06", "Coimbra"),
        new("PT-07", "Évora"),
        new("PT-08", "Faro"),
        new("PT-09", "Guarda"),
        new("PT-10", "Leiria"),
        new("PT-11", "Lisboa"),
        new("PT-12", "Portalegre"),
        new("PT-13", "Porto"),
        new("PT-14", "Santarém"),
        new("PT-15", "Setúbal"),
        new("PT-16", "Viana do Castelo"),
        new("PT-17", "Vila Real"),
        new("PT-18", "Viseu"),
        new("PT-20", "Região Autónoma dos Açores"),
        new("PT-30", "Região Autónoma da Madeira"),
    ];

    private static readonly FrozenDictionary<string, string> ByCode =
        All.ToFrozenDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    /// <summary>Folded (lower-case, no accents) names and aliases → code.</summary>
    private static readonly FrozenDictionary<string, string> ByName = BuildNames();

    /// <summary>
    /// Parses "PT-11", "pt11", "11", "Lisboa", "evora", "Setubal", "Açores", "acores", "Madeira",
    /// "Região Autónoma da Madeira", "Distrito de Lisboa" → ISO code.
    /// </summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.DistrictRequired);
        }

        var folded = TypebotInput.Fold(s);
        var code = CodeFromDigits(folded);
        if (code is not null)
        {
            return Parsed<string>.Success(code);
        }

        if (ByName.TryGetValue(folded, out code))
        {
            return Parsed<string>.Success(code);
        }

        foreach (var prefix in (string[])["distrito de ", "distrito do ", "distrito da ", "distrito ", "regiao de ", "regiao "])
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal) && ByName.TryGetValue(folded[prefix.Length..], out code))
            {
                return Parsed<string>.Success(code);
            }
        }

        return Parsed<string>.Fail(DriverTexts.DistrictUnknown);
    }

    /// <summary>Portuguese name for an ISO code ("PT-07" → "Évora"), or null when the code is unknown.</summary>
    public static string? NameOf(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim().ToUpperInvariant(), out var name) ? name : null;

    /// <summary>True for one of the 20 ISO codes (exact canonical form).</summary>
    public static bool IsValidCode(string? code) => code is not null && ByCode.ContainsKey(code);

    private static string? CodeFromDigits(string folded)
    {
        var s = folded.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (s.StartsWith("pt", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        if (s.Length is < 1 or > 2 || !s.All(char.IsAsciiDigit))
        {
            return null;
        }

        var code = "PT-" + s.PadLeft(2, '0');
        return ByCode.ContainsKey(code) ? code : null;
    }

    private static FrozenDictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in All)
        {
            names[TypebotInput.Fold(d.Name)] = d.Code;
        }

        foreach (var (alias, code) in (ReadOnlySpan<(string, string)>)
        [
            ("Açores", "PT-20"), ("Azores", "PT-20"), ("RA Açores", "PT-20"), ("Região dos Açores", "PT-20"),
            ("Região Autónoma Açores", "PT-20"), ("Arquipélago dos Açores", "PT-20"), ("RAA", "PT-20"),
            ("Madeira", "PT-30"), ("RA Madeira", "PT-30"), ("Região da Madeira", "PT-30"),
            ("Região Autónoma Madeira", "PT-30"), ("Ilha da Madeira", "PT-30"), ("RAM", "PT-30"),
            ("Lisbon", "PT-11"), ("Oporto", "PT-13"), ("Braganza", "PT-04"),
        ])
        {
            names[TypebotInput.Fold(alias)] = code;
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
