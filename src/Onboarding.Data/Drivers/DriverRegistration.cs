namespace Onboarding.Data.Drivers;

/// <summary>A registration already normalised to the stored, canonical forms.</summary>
public sealed record DriverRegistration
{
    public required string PhoneE164 { get; init; }
    public string? WaChatId { get; init; }
    public string? FullName { get; init; }
    public string? Nif { get; init; }
    public string? Email { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? DistrictCode { get; init; }
    public string? Municipality { get; init; }
    public string? PostalCode { get; init; }
    public string? VehicleType { get; init; }
    public string? LicencePlate { get; init; }
    public string? DrivingLicenceNumber { get; init; }
    public string[]? LicenceCategories { get; init; }
    public string? Iban { get; init; }
    public string? Availability { get; init; }
    public string? PrivacyNoticeVersion { get; init; }
    public DateTime? PrivacyAcceptedAt { get; init; }
    public string? TypebotResultId { get; init; }
    public long? ChatwootConversationId { get; init; }
}
