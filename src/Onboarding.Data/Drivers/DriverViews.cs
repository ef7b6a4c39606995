namespace Onboarding.Data.Drivers;

/// <summary>A driver the bot may know of before it asks anything (prefilled into a new Typebot session).</summary>
public sealed record KnownDriver(Guid Id, string Status);

/// <summary>What the handoff note tells agents about the driver (sensitive numbers are masked by the note).</summary>
public sealed record DriverFacts(Guid Id, string FullName, string Status, string? Nif, string? Iban, string? VehicleType,
    string? LicencePlate, string? DistrictCode, string? Municipality, DateTime UpdatedAt);

/// <summary>A status change staff made that the driver has not been told of yet, with the chat to tell it in.</summary>
public sealed record StatusChangeToAnnounce(long Id, Guid DriverId, string ToStatus, string? Reason, string? FullName, string? PhoneE164,
    string? WaChatId, long? ChatwootConversationId, string? Language);
