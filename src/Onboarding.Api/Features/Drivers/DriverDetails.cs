using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers;

/// <summary>One driver as staff see it, with the review history.</summary>
public sealed record DriverDetails(
    Guid Id, string Status, int Version, string PhoneE164, string? WaChatId, string? FullName, string? Nif,
    string? Email, DateOnly? BirthDate, string? DistrictCode, string? DistrictName, string? Municipality,
    string? PostalCode, string? VehicleType, string? LicencePlate, string? DrivingLicenceNumber,
    IReadOnlyList<string> LicenceCategories, string? Iban, string? Availability, string? PrivacyNoticeVersion,
    DateTime? PrivacyAcceptedAt, string Source, string? TypebotResultId, long? ChatwootConversationId,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<string> NextStatuses, IReadOnlyList<DriverStatusChange> History)
{
    /// <summary>An approved document is past its date and no newer one was approved (issue #20's status flag).</summary>
    public bool DocumentsExpired { get; init; }

    public static DriverDetails From(Driver d, IReadOnlyList<DriverStatusChange> history) => new(
        d.Id, d.Status, d.Version, d.PhoneE164, d.WaChatId, d.FullName, d.Nif, d.Email, d.BirthDate, d.DistrictCode,
        Districts.NameOf(d.DistrictCode), d.Municipality, d.PostalCode, d.VehicleType,
        d.LicencePlate is null ? null : Data.Portugal.LicencePlate.Display(d.LicencePlate), d.DrivingLicenceNumber, d.LicenceCategories,
        d.Iban, d.Availability, d.PrivacyNoticeVersion, d.PrivacyAcceptedAt, d.Source, d.TypebotResultId,
        d.ChatwootConversationId, d.CreatedAt, d.UpdatedAt, DriverStatus.NextOf(d.Status), history);
}

/// <summary>A row of the list: enough to triage, with identifiers masked.</summary>
public sealed record DriverSummary(
    Guid Id, string Status, int Version, string? FullName, string PhoneE164, string? NifMasked, string? DistrictCode,
    string? DistrictName, string? VehicleType, DateTime CreatedAt, DateTime UpdatedAt, bool DocumentsExpired)
{
    public static DriverSummary From(Driver d, bool documentsExpired) => new(
        d.Id, d.Status, d.Version, d.FullName, d.PhoneE164, d.Nif is null ? null : Mask.Nif(d.Nif), d.DistrictCode,
        Districts.NameOf(d.DistrictCode), d.VehicleType, d.CreatedAt, d.UpdatedAt, documentsExpired);
}
