using Onboarding.Data.Portugal;

namespace Onboarding.Data.Documents.Checklist;

/// <summary>
/// What delivery platforms in Portugal ask for: an identity document front and back for everyone; for motor vehicles
/// also the driving licence front and back, the insurance and the registration (Documento Único Automóvel).
/// </summary>
public static class DocumentDefaults
{
    public const string Identity = "identity";
    public const string DrivingLicence = "driving_licence";
    public const string IbanProof = "iban_proof";
    public const string Insurance = "insurance";
    public const string VehicleRegistration = "vehicle_registration";

    public static readonly IReadOnlyList<int> ReminderDays = [30, 7, 0];

    public static IReadOnlyDictionary<string, DocumentKindOptions> Kinds { get; } = new Dictionary<string, DocumentKindOptions>(StringComparer.Ordinal)
    {
        [Identity] = new()
        {
            LabelPt = "documento de identificação (Cartão de Cidadão ou título de residência)",
            LabelEn = "identity document (Citizen Card or residence permit)",
            Sides = [DocumentSides.Front, DocumentSides.Back],
            Expires = true,
        },
        [DrivingLicence] = new()
        {
            LabelPt = "carta de condução",
            LabelEn = "driving licence",
            Sides = [DocumentSides.Front, DocumentSides.Back],
            Expires = true,
        },
        [IbanProof] = new()
        {
            LabelPt = "comprovativo de IBAN",
            LabelEn = "proof of IBAN",
            Sides = [DocumentSides.Single],
        },
        [Insurance] = new()
        {
            LabelPt = "seguro do veículo",
            LabelEn = "vehicle insurance",
            Sides = [DocumentSides.Single],
            Expires = true,
        },
        [VehicleRegistration] = new()
        {
            LabelPt = "documento único do veículo",
            LabelEn = "vehicle registration document",
            Sides = [DocumentSides.Single],
        },
    };

    private static readonly IReadOnlyList<string> Motor = [Identity, DrivingLicence, Insurance, VehicleRegistration];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Checklists { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [VehicleTypes.Bicycle] = [Identity],
        [VehicleTypes.Moped] = Motor,
        [VehicleTypes.Motorcycle125] = Motor,
        [VehicleTypes.Motorcycle] = Motor,
        [VehicleTypes.Car] = Motor,
        [VehicleTypes.Van] = Motor,
    };
}

public static class DocumentSides
{
    public const string Front = "front";
    public const string Back = "back";
    public const string Single = "single";

    public static bool IsKnown(string side) => side is Front or Back or Single;
}

/// <summary>The file types a document may be: the ones <see cref="Files.FileSniffer"/> recognises from their bytes.</summary>
public static class DocumentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    public static readonly IReadOnlyList<string> All = [Jpeg, Png, Pdf];
}
