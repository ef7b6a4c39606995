using Onboarding.Data.Drivers;

namespace Onboarding.Api.Features.Drivers;

/// <summary>OpenAPI examples for the staff routes: synthetic values, not real people.</summary>
internal static class DriverExamples
{
    internal static readonly Guid Id = Guid.Parse("019a7c1e-3b2f-7a10-9c41-5d2e8f6a1b3c");
    internal static readonly DateTime Created = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly DriverDetails Details = new(
        Id, DriverStatus.UnderReview, 2, "+351915211836", "351915211836@c.us", "Maria da Silva Santos", "123456789",
        "maria.santos@example.pt", new DateOnly(1994, 3, 14), "PT-11", "Lisboa", "Amadora", "2700-123", "car", "AA-00-AA",
        "L-1234567 8", ["B"], "PT50000201231234567890154", "Dias úteis, manhãs", "2026-11", Created, "typebot", null, 42,
        Created, Created.AddHours(2), [DriverStatus.Approved, DriverStatus.Rejected, DriverStatus.Withdrawn, DriverStatus.Submitted],
        [
            new DriverStatusChange { Id = 1, DriverId = Id, ToStatus = DriverStatus.Submitted, Reason = "registo recebido", Actor = "typebot", At = Created },
            new DriverStatusChange { Id = 2, DriverId = Id, FromStatus = DriverStatus.Submitted, ToStatus = DriverStatus.UnderReview, Actor = "staff-ana", At = Created.AddHours(2) },
        ]);
}
