using System.Globalization;
using Onboarding.Data.Drivers;
using Onboarding.Data.Messages;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// Normalises then validates a registration in one pass, so every field is parsed once and the errors come back
/// in the order the flow asks its questions (the first one is the one the flow re-asks).
/// </summary>
public static class RegistrationNormaliser
{
    public sealed record Result(DriverRegistration? Registration, IReadOnlyList<FieldProblem> Problems);

    public static Result Normalise(RegisterDriverRequest request, DateTime nowUtc)
    {
        var errors = new List<FieldProblem>();
        var today = DateOnly.FromDateTime(nowUtc);

        string? phone = null;
        if (TypebotInput.Clean(request.Phone) is null)
        {
            errors.Add(FieldProblem.Of("phone", DriverTexts.PhoneMissing));
        }
        else
        {
            phone = Take(Phone.Parse(request.Phone), "phone", errors);
        }

        var fullName = Required(request.FullName, "full_name", DriverTexts.FullNameRequired, FullName.Parse, errors);
        var nif = Optional(request.Nif, "nif", Nif.Parse, errors);
        var email = Optional(request.Email, "email", Email.Parse, errors);
        var birthDate = TypebotInput.Clean(request.BirthDate) is null ? (DateOnly?)null : Take(BirthDate.Parse(request.BirthDate, today), "birth_date", errors);
        var district = Required(request.District, "district", DriverTexts.DistrictNotChosen, Districts.Parse, errors);
        var municipality = TypebotInput.Clean(request.Municipality);
        if (municipality is { Length: > 80 })
        {
            errors.Add(FieldProblem.Of("municipality", DriverTexts.MunicipalityTooLong));
        }

        var postalCode = Optional(request.PostalCode, "postal_code", PostalCode.Parse, errors);
        var vehicleType = Required(request.VehicleType, "vehicle_type", DriverTexts.VehicleTypeNotChosen, VehicleTypes.Parse, errors);
        var plate = Optional(request.LicencePlate, "licence_plate", LicencePlate.Parse, errors);
        var licenceNumber = Optional(request.DrivingLicenceNumber, "driving_licence_number", DrivingLicenceNumber.Parse, errors);
        var categories = Optional(request.LicenceCategories, "licence_categories", LicenceCategories.Parse, errors);
        if (vehicleType is not null && errors.All(e => e.Field != "licence_categories"))
        {
            int? age = birthDate is { } born ? BirthDate.AgeOn(born, today) : null;
            if (LicenceCategories.CheckVehicle(vehicleType, categories ?? [], age) is { } mismatch)
            {
                errors.Add(FieldProblem.Of("licence_categories", mismatch));
            }
        }

        var iban = Optional(request.Iban, "iban", Iban.Parse, errors);
        var availability = TypebotInput.Clean(request.Availability);
        if (availability is { Length: > 500 })
        {
            errors.Add(FieldProblem.Of("availability", DriverTexts.AvailabilityTooLong));
        }

        bool? accepted = null;
        if (TypebotInput.Clean(request.PrivacyAccepted) is null)
        {
            errors.Add(FieldProblem.Of("privacy_accepted", DriverTexts.PrivacyNotAnswered));
        }
        else
        {
            var consent = Consent.ParseAccepted(request.PrivacyAccepted);
            if (!consent.Ok)
            {
                Take(consent, "privacy_accepted", errors);
            }
            else if (consent.Value)
            {
                accepted = true;
            }
            else
            {
                errors.Add(FieldProblem.Of("privacy_accepted", DriverTexts.PrivacyRefused));
            }
        }

        var noticeVersion = TypebotInput.Clean(request.PrivacyNoticeVersion);
        if (accepted is true && noticeVersion is null)
        {
            errors.Add(FieldProblem.Of("privacy_notice_version", DriverTexts.PrivacyNoticeVersionMissing));
        }

        long? conversationId = null;
        if (TypebotInput.Clean(request.ChatwootConversationId) is { } rawConversation)
        {
            if (long.TryParse(rawConversation, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                conversationId = parsed;
            }
            else
            {
                errors.Add(FieldProblem.Of("chatwoot_conversation_id", DriverTexts.ConversationIdInvalid));
            }
        }

        if (errors.Count > 0 || phone is null)
        {
            return new Result(null, errors);
        }

        return new Result(new DriverRegistration
        {
            PhoneE164 = phone,
            WaChatId = Limit(TypebotInput.Clean(request.WaChatId), 120),
            FullName = fullName,
            Nif = nif,
            Email = email,
            BirthDate = birthDate,
            DistrictCode = district,
            Municipality = municipality,
            PostalCode = postalCode,
            VehicleType = vehicleType,
            LicencePlate = plate,
            DrivingLicenceNumber = licenceNumber?.Value,
            LicenceCategories = categories,
            Iban = iban,
            Availability = availability,
            PrivacyNoticeVersion = Limit(noticeVersion, 40),
            PrivacyAcceptedAt = nowUtc,
            TypebotResultId = Limit(TypebotInput.Clean(request.TypebotResultId), 120),
            ChatwootConversationId = conversationId,
        }, errors);
    }

    private static T? Take<T>(Parsed<T> parsed, string field, List<FieldProblem> errors)
    {
        if (parsed.Error is { } error)
        {
            errors.Add(FieldProblem.Of(field, error));
            return default;
        }

        return parsed.Value;
    }

    private static T? Optional<T>(string? raw, string field, Func<string?, Parsed<T>> parse, List<FieldProblem> errors) =>
        TypebotInput.Clean(raw) is null ? default : Take(parse(raw), field, errors);

    private static T? Required<T>(string? raw, string field, DriverText missing, Func<string?, Parsed<T>> parse, List<FieldProblem> errors)
    {
        if (TypebotInput.Clean(raw) is null)
        {
            errors.Add(FieldProblem.Of(field, missing));
            return default;
        }

        return Take(parse(raw), field, errors);
    }

    private static string? Limit(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
