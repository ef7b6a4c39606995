using Onboarding.Api.Errors;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>OpenAPI examples: synthetic values from the published identifier examples, not real people.</summary>
internal static class RegisterDriverExamples
{
    public static readonly RegisterDriverRequest Request = new()
    {
        Phone = "+351915211836",
        FullName = "Maria da Silva Santos",
        Nif = "123456789",
        Email = "maria.santos@example.pt",
        BirthDate = "14/03/1994",
        District = "Lisboa",
        Municipality = "Amadora",
        PostalCode = "2700-123",
        VehicleType = "car",
        LicencePlate = "AA-00-AA",
        DrivingLicenceNumber = "L-1234567 8",
        LicenceCategories = "B",
        Iban = "PT50 0002 0123 1234 5678 9015 4",
        Availability = "Dias úteis, manhãs",
        PrivacyNoticeVersion = "2026-11",
        PrivacyAccepted = "sim",
        WaChatId = "351915211836@c.us",
    };

    private static readonly Guid DriverId = Guid.Parse("019a7c1e-3b2f-7a10-9c41-5d2e8f6a1b3c");

    public static readonly RegisterDriverResponse Created = new(true, DriverId, "submitted", true,
        RegisterDriverMessages.Created(Request.FullName, DriverId).In(Language.Portuguese));

    public static readonly FlatError Invalid = FieldProblem.Render(DriverTexts.NifChecksum.With(),
        [FieldProblem.Of("nif", DriverTexts.NifChecksum)], Language.Portuguese);
}
