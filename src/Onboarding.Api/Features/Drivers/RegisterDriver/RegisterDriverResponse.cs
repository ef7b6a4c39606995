namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>Success body: flat so the flow can map <c>data.driver_id</c> and <c>data.message</c>.</summary>
public sealed record RegisterDriverResponse(bool Ok, Guid DriverId, string Status, bool Created, string Message);
