namespace Onboarding.Data.Messages;

// Where and how the driver works: district, address, vehicle, licence, IBAN, availability.
public static partial class DriverTexts
{
    public static readonly DriverText DistrictRequired = new("district.required",
        "Indique o distrito onde quer trabalhar.",
        "Please tell us the district where you want to work.");

    // The registration without any district (the flow asks it as a choice).
    public static readonly DriverText DistrictNotChosen = new("district.required",
        "Escolha o distrito onde quer trabalhar.",
        "Please choose the district where you want to work.");

    public static readonly DriverText DistrictUnknown = new("district.unknown",
        "Não reconhecemos esse distrito. Escolha um dos 18 distritos, Açores ou Madeira.",
        "We do not recognise that district. Please choose one of the 18 districts, the Azores or Madeira.");

    public static readonly DriverText MunicipalityTooLong = new("municipality.too_long",
        "O concelho deve ter no máximo 80 caracteres.",
        "The municipality can have 80 characters at most.");

    public static readonly DriverText PostalCodeRequired = new("postal_code.required",
        "Indique o seu código postal (ex.: 1000-100).",
        "Please tell us your postal code (e.g. 1000-100).");

    public static readonly DriverText PostalCodeFormat = new("postal_code.format",
        "O código postal deve ter o formato 0000-000 (ex.: 1000-100).",
        "The postal code must look like 0000-000 (e.g. 1000-100).");

    public static readonly DriverText VehicleTypeRequired = new("vehicle_type.required",
        "Indique o tipo de veículo que vai usar.",
        "Please tell us which vehicle you will use.");

    // The registration without any vehicle (the flow asks it as a choice).
    public static readonly DriverText VehicleTypeNotChosen = new("vehicle_type.required",
        "Escolha o tipo de veículo.",
        "Please choose your vehicle.");

    public static readonly DriverText VehicleTypeUnknown = new("vehicle_type.unknown",
        "Não reconhecemos esse veículo. Escolha: bicicleta, ciclomotor até 50 cc, mota até 125 cc, mota acima de 125 cc, carro ou carrinha.",
        "We do not recognise that vehicle. Please choose: bicycle, moped up to 50 cc, motorcycle up to 125 cc, motorcycle over 125 cc, car or van.");

    // A vehicle code the licence check does not know (a code added to the vehicles but not to the check).
    public static readonly DriverText VehicleTypeNotChecked = new("vehicle_type.unknown",
        "Não reconhecemos o tipo de veículo indicado.",
        "We do not recognise that type of vehicle.");

    // {0} lists the categories that were not understood.
    public static readonly DriverText LicenceCategoriesUnknown = new("licence_categories.unknown",
        "Categoria de carta desconhecida: {0}. Indique categorias como AM, A1, A2, A, B ou C1, separadas por vírgulas.",
        "Unknown licence category: {0}. Please give categories such as AM, A1, A2, A, B or C1, separated by commas.");

    public static readonly DriverText MopedNeedsLicence = new("licence_categories.vehicle_mismatch",
        "As categorias da sua carta não permitem este veículo: um ciclomotor precisa de carta de categoria AM, A1, A2, A ou B.",
        "Your licence does not cover this vehicle: a moped needs a licence of category AM, A1, A2, A or B.");

    public static readonly DriverText Motorcycle125NeedsLicence = new("licence_categories.vehicle_mismatch",
        "As categorias da sua carta não permitem este veículo: uma mota até 125 cc precisa de carta de categoria A1, A2 ou A (ou B, se tiver 25 anos ou mais).",
        "Your licence does not cover this vehicle: a motorcycle up to 125 cc needs a licence of category A1, A2 or A (or B, if you are 25 or older).");

    public static readonly DriverText MotorcycleNeedsLicence = new("licence_categories.vehicle_mismatch",
        "As categorias da sua carta não permitem este veículo: uma mota acima de 125 cc precisa de carta de categoria A2 ou A.",
        "Your licence does not cover this vehicle: a motorcycle over 125 cc needs a licence of category A2 or A.");

    public static readonly DriverText CarNeedsLicence = new("licence_categories.vehicle_mismatch",
        "As categorias da sua carta não permitem este veículo: um carro precisa de carta de categoria B.",
        "Your licence does not cover this vehicle: a car needs a licence of category B.");

    public static readonly DriverText VanNeedsLicence = new("licence_categories.vehicle_mismatch",
        "As categorias da sua carta não permitem este veículo: uma carrinha até 3,5 t precisa de carta de categoria B (ou C1/C).",
        "Your licence does not cover this vehicle: a van up to 3.5 t needs a licence of category B (or C1/C).");

    public static readonly DriverText LicencePlateRequired = new("licence_plate.required",
        "Indique a matrícula do veículo.",
        "Please tell us the vehicle's number plate.");

    public static readonly DriverText LicencePlateFormat = new("licence_plate.format",
        "A matrícula não é válida. Use o formato português, por exemplo AA-00-AA ou 00-AA-00.",
        "This number plate is not valid. Please use the Portuguese format, for example AA-00-AA or 00-AA-00.");

    public static readonly DriverText DrivingLicenceNumberRequired = new("driving_licence_number.required",
        "Indique o número da sua carta de condução.",
        "Please tell us your driving licence number.");

    public static readonly DriverText DrivingLicenceNumberFormat = new("driving_licence_number.format",
        "O número da carta não é válido. Escreva-o como aparece na carta (ex.: L-1234567 8).",
        "This licence number is not valid. Please type it as it appears on your licence (e.g. L-1234567 8).");

    public static readonly DriverText IbanRequired = new("iban.required",
        "Indique o seu IBAN.",
        "Please tell us your IBAN.");

    public static readonly DriverText IbanFormat = new("iban.format",
        "O IBAN não é válido. Deve começar pelo código do país, por exemplo PT50.",
        "This IBAN is not valid. It must start with the country code, for example PT50.");

    public static readonly DriverText IbanPortugueseDigits = new("iban.format",
        "O IBAN português tem apenas algarismos depois de PT.",
        "A Portuguese IBAN has only digits after PT.");

    public static readonly DriverText IbanCountryUnsupported = new("iban.country_unsupported",
        "Só aceitamos IBAN de contas da zona SEPA (Portugal e restante Europa).",
        "We can only accept an IBAN from the SEPA area (Portugal and the rest of Europe).");

    public static readonly DriverText IbanPortugueseLength = new("iban.country_length",
        "O IBAN português deve ter 25 caracteres (PT50 seguido de 21 algarismos).",
        "A Portuguese IBAN has 25 characters (PT50 followed by 21 digits).");

    // {0} is the country code, {1} the length of its IBANs.
    public static readonly DriverText IbanCountryLength = new("iban.country_length",
        "Um IBAN de {0} deve ter {1} caracteres.",
        "An IBAN from {0} must have {1} characters.");

    public static readonly DriverText IbanChecksum = new("iban.checksum",
        "O IBAN não é válido. Verifique os algarismos, por favor.",
        "This IBAN is not valid. Please check the digits.");

    public static readonly DriverText AvailabilityTooLong = new("availability.too_long",
        "A disponibilidade deve ter no máximo 500 caracteres.",
        "Your availability can have 500 characters at most.");

    public static readonly DriverText ConversationIdInvalid = new("chatwoot_conversation_id.invalid",
        "Identificador de conversa inválido.",
        "Invalid conversation id.");
}
