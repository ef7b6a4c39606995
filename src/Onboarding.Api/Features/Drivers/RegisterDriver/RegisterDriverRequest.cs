namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// What the Typebot flow posts (snake_case JSON). Every value arrives as text because Typebot substitutes
/// variables as strings; numbers, booleans and lists are accepted too and read as their text.
/// </summary>
public sealed record RegisterDriverRequest
{
    /// <summary>The driver's WhatsApp number in any common format; stored as E.164 (default region PT).</summary>
    public string? Phone { get; init; }
    public string? FullName { get; init; }
    public string? Nif { get; init; }
    public string? Email { get; init; }
    /// <summary>dd/mm/yyyy or yyyy-mm-dd.</summary>
    public string? BirthDate { get; init; }
    /// <summary>ISO 3166-2:PT code (PT-11) or the Portuguese name, accents optional.</summary>
    public string? District { get; init; }
    public string? Municipality { get; init; }
    /// <summary>NNNN-NNN.</summary>
    public string? PostalCode { get; init; }
    /// <summary>bicycle, moped, motorcycle_125, motorcycle, car, van, or the pt-PT label.</summary>
    public string? VehicleType { get; init; }
    public string? LicencePlate { get; init; }
    public string? DrivingLicenceNumber { get; init; }
    /// <summary>A list or comma-separated text, e.g. "B, A1".</summary>
    public string? LicenceCategories { get; init; }
    public string? Iban { get; init; }
    public string? Availability { get; init; }
    public string? PrivacyNoticeVersion { get; init; }
    /// <summary>"sim", "true", "yes", "1"...</summary>
    public string? PrivacyAccepted { get; init; }
    public string? TypebotResultId { get; init; }
    public string? ChatwootConversationId { get; init; }
    public string? WaChatId { get; init; }

    /// <summary>The JSON member names this route reads; anything else in the body is ignored.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "phone", "full_name", "nif", "email", "birth_date", "district", "municipality", "postal_code", "vehicle_type",
        "licence_plate", "driving_licence_number", "licence_categories", "iban", "availability",
        "privacy_notice_version", "privacy_accepted", "typebot_result_id", "chatwoot_conversation_id", "wa_chat_id",
    ];

    /// <summary>The fields without which a registration is refused.</summary>
    public static readonly IReadOnlyList<string> RequiredFieldNames = ["phone", "full_name", "district", "vehicle_type", "privacy_accepted"];

    public static RegisterDriverRequest FromFields(IReadOnlyDictionary<string, string?> f) => new()
    {
        Phone = f.GetValueOrDefault("phone"),
        FullName = f.GetValueOrDefault("full_name"),
        Nif = f.GetValueOrDefault("nif"),
        Email = f.GetValueOrDefault("email"),
        BirthDate = f.GetValueOrDefault("birth_date"),
        District = f.GetValueOrDefault("district"),
        Municipality = f.GetValueOrDefault("municipality"),
        PostalCode = f.GetValueOrDefault("postal_code"),
        VehicleType = f.GetValueOrDefault("vehicle_type"),
        LicencePlate = f.GetValueOrDefault("licence_plate"),
        DrivingLicenceNumber = f.GetValueOrDefault("driving_licence_number"),
        LicenceCategories = f.GetValueOrDefault("licence_categories"),
        Iban = f.GetValueOrDefault("iban"),
        Availability = f.GetValueOrDefault("availability"),
        PrivacyNoticeVersion = f.GetValueOrDefault("privacy_notice_version"),
        PrivacyAccepted = f.GetValueOrDefault("privacy_accepted"),
        TypebotResultId = f.GetValueOrDefault("typebot_result_id"),
        ChatwootConversationId = f.GetValueOrDefault("chatwoot_conversation_id"),
        WaChatId = f.GetValueOrDefault("wa_chat_id"),
    };
}
