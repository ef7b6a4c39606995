namespace Onboarding.Data.Drivers;

public enum RegisterResult
{
    Created,
    Updated,
    /// <summary>The NIF belongs to a driver with another phone number.</summary>
    NifTaken,
    /// <summary>The driver was already approved: data changes go through staff.</summary>
    Closed,
}

public sealed record RegisterOutcome(RegisterResult Result, Guid? DriverId, string? Status);
