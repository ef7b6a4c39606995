using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers.ListDrivers;

/// <summary>OpenAPI example for the driver list: the same synthetic driver as <see cref="DriverExamples"/>.</summary>
internal static class ListDriversExamples
{
    public static readonly ListDriversResponse List = new(
        [new DriverSummary(DriverExamples.Id, DriverStatus.UnderReview, 2, "Maria da Silva Santos", "+351915211836", "******789", "PT-11", "Lisboa", "car", DriverExamples.Created, DriverExamples.Created.AddHours(2), DocumentsExpired: false)],
        DriverCursor.Encode(DriverExamples.Created, DriverExamples.Id));
}
