namespace Onboarding.Data.Drivers;

/// <summary>One row of drivers; property types match the column types so Dapper maps them directly.</summary>
public sealed class Driver
{
    public Guid Id { get; init; }
    public string PhoneE164 { get; init; } = "";
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
    public string[] LicenceCategories { get; init; } = [];
    public string? Iban { get; init; }
    public string? Availability { get; init; }
    public string? PrivacyNoticeVersion { get; init; }
    public DateTime? PrivacyAcceptedAt { get; init; }
    public string Status { get; init; } = DriverStatus.Submitted;
    public string Source { get; init; } = "typebot";
    public string? TypebotResultId { get; init; }
    public long? ChatwootConversationId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
    public DateTime? ErasedAt { get; init; }
}

public sealed class DriverStatusChange
{
    public long Id { get; init; }
    public Guid DriverId { get; init; }
    public string? FromStatus { get; init; }
    public string ToStatus { get; init; } = "";
    public string? Reason { get; init; }
    public string Actor { get; init; } = "";
    public DateTime At { get; init; }
}
