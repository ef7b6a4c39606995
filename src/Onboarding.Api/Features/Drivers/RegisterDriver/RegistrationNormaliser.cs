using System.Globalization;
using Onboarding.Api.Errors;
using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// Normalises then validates a registration in one pass, so every field is parsed once and the errors come back
/// in the order the flow asks its questions (the first one is the one the flow re-asks).
/// </summary>
public static class RegistrationNormaliser
{
    public sealed record Result(DriverRegistration? Registration, IReadOnlyList<FieldError> Errors);

    public static Result Normalise(RegisterDriverRequest request, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(nowUtc);

        string? phone = null;
        if (TypebotInput.Clean(request.Phone) is null)
        {
            errors.Add(new FieldError("phone", "phone.required", "Indique o número de telemóvel."));
        }
        else
        {
            phone = Take(Phone.Parse(request.Phone), "phone", errors);
        }

        var fullName = Required(request.FullName, "full_name", "Indique o seu nome completo.", FullName.Parse, errors);
        var nif = Optional(request.Nif, "nif", Nif.Parse, errors);
        var email = Optional(request.Email, "email", Email.Parse, errors);
        var birthDate = TypebotInput.Clean(request.BirthDate) is null ? (DateOnly?)null : Take(BirthDate.Parse(request.BirthDate, today), "birth_date", errors);
        var district = Required(request.District, "district", "Escolha o distrito onde quer trabalhar.", Districts.Parse, errors);
        var municipality = TypebotInput.Clean(request.Municipality);
        if (municipality is { Length: > 80 })
        {
            errors.Add(new FieldError("municipality", "municipality.too_long", "O concelho deve ter no máximo 80 caracteres."));
        }

        var postalCode = Optional(request.PostalCode, "postal_code", PostalCode.Parse, errors);
        var vehicleType = Required(request.VehicleType, "vehicle_type", "Escolha o tipo de veículo.", VehicleTypes.Parse, errors);
        var plate = Optional(request.LicencePlate, "licence_plate", LicencePlate.Parse, errors);
        var licenceNumber = Optional(request.DrivingLicenceNumber, "driving_licence_number", DrivingLicenceNumber.Parse, errors);
        var categories = Optional(request.LicenceCategories, "licence_categories", LicenceCategories.Parse, errors);
        if (vehicleType is not null && errors.All(e => e.Field != "licence_categories"))
        {
            int? age = birthDate is { } born ? BirthDate.AgeOn(born, today) : null;
            if (LicenceCategories.CheckVehicle(vehicleType, categories ?? [], age) is { } mismatch)
            {
                errors.Add(new FieldError("licence_categories", mismatch.Code, mismatch.Message));
            }
        }

        var iban = Optional(request.Iban, "iban", Iban.Parse, errors);
        var availability = TypebotInput.Clean(request.Availability);
        if (availability is { Length: > 500 })
        {
            errors.Add(new FieldError("availability", "availability.too_long", "A disponibilidade deve ter no máximo 500 caracteres."));
        }

        bool? accepted = null;
        if (TypebotInput.Clean(request.PrivacyAccepted) is null)
        {
            errors.Add(new FieldError("privacy_accepted", "privacy_accepted.required", "É necessário ler e aceitar o aviso de privacidade."));
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
                errors.Add(new FieldError("privacy_accepted", "privacy_accepted.refused", "Sem aceitar o aviso de privacidade não podemos guardar o seu registo."));
            }
        }

        var noticeVersion = TypebotInput.Clean(request.PrivacyNoticeVersion);
        if (accepted is true && noticeVersion is null)
        {
            errors.Add(new FieldError("privacy_notice_version", "privacy_notice_version.required", "Falta a versão do aviso de privacidade aceite."));
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
                errors.Add(new FieldError("chatwoot_conversation_id", "chatwoot_conversation_id.invalid", "Identificador de conversa inválido."));
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

    private static T? Take<T>(Parsed<T> parsed, string field, List<FieldError> errors)
    {
        if (parsed.Ok)
        {
            return parsed.Value;
        }

        errors.Add(new FieldError(field, parsed.Code!, parsed.Message ?? "Valor inválido."));
        return default;
    }

    private static T? Optional<T>(string? raw, string field, Func<string?, Parsed<T>> parse, List<FieldError> errors) =>
        TypebotInput.Clean(raw) is null ? default : Take(parse(raw), field, errors);

    private static T? Required<T>(string? raw, string field, string missingMessage, Func<string?, Parsed<T>> parse, List<FieldError> errors)
    {
        if (TypebotInput.Clean(raw) is null)
        {
            errors.Add(new FieldError(field, $"{field}.required", missingMessage));
            return default;
        }

        return Take(parse(raw), field, errors);
    }

    private static string? Limit(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
