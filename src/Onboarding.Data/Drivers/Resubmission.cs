namespace Onboarding.Data.Drivers;

/// <summary>Whether a resubmission would leave the stored record as it is, so it can be answered without a write.</summary>
public static class Resubmission
{
    /// <summary>
    /// True when every field sent equals the stored one (a field not sent keeps the stored value, as the update's
    /// COALESCE does) and the record is already bound or no chat is sent. The consent time is the first acceptance of
    /// the notice version on record: accepting the same version again is not a change.
    /// </summary>
    public static bool ChangesNothing(Driver stored, DriverRegistration sent) =>
        (stored.WaChatId is not null || sent.WaChatId is null)
        && Same(sent.FullName, stored.FullName)
        && Same(sent.Nif, stored.Nif)
        && Same(sent.Email, stored.Email)
        && (sent.BirthDate is null || sent.BirthDate == stored.BirthDate)
        && Same(sent.DistrictCode, stored.DistrictCode)
        && Same(sent.Municipality, stored.Municipality)
        && Same(sent.PostalCode, stored.PostalCode)
        && Same(sent.VehicleType, stored.VehicleType)
        && Same(sent.LicencePlate, stored.LicencePlate)
        && Same(sent.DrivingLicenceNumber, stored.DrivingLicenceNumber)
        && (sent.LicenceCategories is null || sent.LicenceCategories.AsSpan().SequenceEqual(stored.LicenceCategories))
        && Same(sent.Iban, stored.Iban)
        && Same(sent.Availability, stored.Availability)
        && Same(sent.PrivacyNoticeVersion, stored.PrivacyNoticeVersion)
        && (sent.PrivacyAcceptedAt is null || stored.PrivacyAcceptedAt is not null)
        && Same(sent.TypebotResultId, stored.TypebotResultId)
        && (sent.ChatwootConversationId is null || sent.ChatwootConversationId == stored.ChatwootConversationId);

    private static bool Same(string? sent, string? stored) => sent is null || string.Equals(sent, stored, StringComparison.Ordinal);
}
