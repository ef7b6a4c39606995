using System.Collections.Frozen;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>A vehicle type a driver can use: stable code plus pt-PT and English labels.</summary>
public readonly record struct VehicleType(string Code, string LabelPt, string LabelEn);

/// <summary>Vehicle types for delivery work and their free-text synonyms.</summary>
public static class VehicleTypes
{
    public const string Bicycle = "bicycle";
    public const string Moped = "moped";
    public const string Motorcycle125 = "motorcycle_125";
    public const string Motorcycle = "motorcycle";
    public const string Car = "car";
    public const string Van = "van";

    /// <summary>All types in display order.</summary>
    public static readonly IReadOnlyList<VehicleType> All =
    [
        new(Bicycle, "Bicicleta", "Bicycle"),
        new(Moped, "Ciclomotor até 50 cc", "Moped up to 50 cc"),
        new(Motorcycle125, "Mota até 125 cc", "Motorcycle up to 125 cc"),
        new(Motorcycle, "Mota acima de 125 cc", "Motorcycle over 125 cc"),
        new(Car, "Carro", "Car"),
        new(Van, "Carrinha até 3,5 t", "Van up to 3.5 t"),
    ];

    private static readonly FrozenDictionary<string, VehicleType> ByCode =
        All.ToFrozenDictionary(v => v.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Phrases = BuildPhrases();

    private static readonly FrozenSet<string> MotorbikeWords = FrozenSet.ToFrozenSet(
        ["mota", "moto", "motas", "motos", "motociclo", "motocicleta", "motorcycle", "motorbike", "motor"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> MoreThanWords = FrozenSet.ToFrozenSet(
        ["acima", "mais", "superior", "over", "above", "more", "grande", "big", "maior"],
        StringComparer.Ordinal);

    /// <summary>
    /// Parses a code ("motorcycle_125"), a label in pt-PT or English ("Mota até 125 cc", "Van up to 3.5 t") or a
    /// common synonym ("scooter", "mota", "automóvel", "furgão"), ignoring case and accents. Plain "mota"/"moto"
    /// means the usual delivery motorcycle, up to 125 cc.
    /// </summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.VehicleTypeRequired);
        }

        if (ByCode.ContainsKey(s.ToLowerInvariant()))
        {
            return Parsed<string>.Success(s.ToLowerInvariant());
        }

        // "> 125", "+125" must not fold into "125".
        var folded = TypebotInput.Fold(s.Replace(">", " mais ", StringComparison.Ordinal).Replace("+", " mais ", StringComparison.Ordinal));
        if (Phrases.TryGetValue(folded, out var code) || (code = Guess(folded)) is not null)
        {
            return Parsed<string>.Success(code);
        }

        return Parsed<string>.Fail(DriverTexts.VehicleTypeUnknown);
    }

    /// <summary>The entry for a code, or null.</summary>
    public static VehicleType? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var v) ? v : null;

    /// <summary>pt-PT label for a code ("car" → "Carro"), or the code itself when unknown.</summary>
    public static string LabelPtOf(string code) => Find(code)?.LabelPt ?? code;

    private static string? Guess(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] any) => words.Any(any.Contains);

        var motorbike = words.Any(MotorbikeWords.Contains);
        var scooter = Has("scooter", "scooters");
        if ((motorbike || scooter) && words.Any(MoreThanWords.Contains))
        {
            return Motorcycle;
        }

        if (Has("125", "125cc"))
        {
            return Motorcycle125;
        }

        if (scooter || Has("ciclomotor", "ciclomotores", "moped", "lambreta", "motoreta", "50", "50cc", "acelera"))
        {
            return Moped;
        }

        if (motorbike)
        {
            return Motorcycle125;
        }

        if (Has("bicicleta", "bicicletas", "bike", "bicycle", "ebike", "bici", "bicla", "cycle", "velo"))
        {
            return Bicycle;
        }

        if (Has("carrinha", "furgao", "furgoneta", "van", "comercial", "mercadorias"))
        {
            return Van;
        }

        if (Has("carro", "automovel", "car", "viatura", "ligeiro", "auto"))
        {
            return Car;
        }

        return null;
    }

    private static FrozenDictionary<string, string> BuildPhrases()
    {
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in All)
        {
            phrases[TypebotInput.Fold(v.Code)] = v.Code;
            phrases[TypebotInput.Fold(v.LabelPt)] = v.Code;
            phrases[TypebotInput.Fold(v.LabelEn)] = v.Code;
        }

        foreach (var (phrase, code) in (ReadOnlySpan<(string, string)>)
        [
            ("bicicleta elétrica", Bicycle), ("e-bike", Bicycle), ("bike", Bicycle),
            ("scooter", Moped), ("ciclomotor", Moped), ("scooter 50 cc", Moped), ("mota 50 cc", Moped),
            ("mota", Motorcycle125), ("moto", Motorcycle125), ("motociclo", Motorcycle125), ("motorbike", Motorcycle125),
            ("carro", Car), ("automóvel", Car), ("ligeiro de passageiros", Car),
            ("carrinha", Van), ("furgão", Van), ("furgoneta", Van), ("ligeiro de mercadorias", Van),
            ("carrinha até 3,5 toneladas", Van), ("carrinha até 3500 kg", Van),
        ])
        {
            phrases[TypebotInput.Fold(phrase)] = code;
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
