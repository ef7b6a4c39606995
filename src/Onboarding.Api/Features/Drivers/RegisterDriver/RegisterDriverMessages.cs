using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>The confirmation the flow shows after the call: the catalogue's text with the driver's first name and a reference.</summary>
public static class RegisterDriverMessages
{
    public static DriverMessage Created(string? fullName, Guid driverId) =>
        DriverTexts.Created.With(FirstNameSuffix(fullName), Reference(driverId));

    public static DriverMessage Updated(string? fullName, Guid driverId) =>
        DriverTexts.Updated.With(FirstNameSuffix(fullName), Reference(driverId));

    /// <summary>A short reference a driver can read out to an agent: the last 8 hex digits of the id.</summary>
    public static string Reference(Guid driverId) => driverId.ToString("N")[^8..].ToUpperInvariant();

    private static string FirstNameSuffix(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? "" : ", " + fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
