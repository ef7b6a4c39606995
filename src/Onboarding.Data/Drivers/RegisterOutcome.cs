namespace Onboarding.Data.Drivers;

public enum RegisterResult
{
    Created,
    Updated,
    /// <summary>The NIF belongs to a driver with another phone number.</summary>
    NifTaken,
    /// <summary>The record is bound to another WhatsApp chat (or the registration came without one): nothing changed.</summary>
    ChatConflict,
    /// <summary>The driver was already approved: data changes go through staff.</summary>
    Closed,
}

/// <summary>
/// What a registration did. On a conflict, <see cref="OtherDriverId"/> and <see cref="OtherChat"/> name the record in
/// the way, for the agents' private note only (never for the driver's answer).
/// </summary>
public sealed record RegisterOutcome(RegisterResult Result, Guid? DriverId, string? Status)
{
    public Guid? OtherDriverId { get; init; }
    public string? OtherChat { get; init; }
}
