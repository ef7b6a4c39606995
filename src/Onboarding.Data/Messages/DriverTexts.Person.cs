namespace Onboarding.Data.Messages;

// Who the driver is: name, phone, NIF, email, date of birth, and the answer to the privacy notice.
public static partial class DriverTexts
{
    public static readonly DriverText FullNameRequired = new("full_name.required",
        "Indique o seu nome completo.",
        "Please tell us your full name.");

    public static readonly DriverText FullNameInvalid = new("full_name.invalid",
        "O nome só pode ter letras, espaços, apóstrofos, hífenes e pontos.",
        "Your name can only have letters, spaces, apostrophes, hyphens and full stops.");

    public static readonly DriverText FullNameTooLong = new("full_name.invalid",
        "O nome é demasiado longo (máximo 120 caracteres).",
        "Your name is too long (120 characters at most).");

    public static readonly DriverText FullNameTooShort = new("full_name.too_short",
        "Indique o nome completo, com pelo menos o primeiro nome e o apelido.",
        "Please write your full name, with at least your first name and your surname.");

    public static readonly DriverText PhoneRequired = new("phone.required",
        "Indique o seu número de telemóvel.",
        "Please tell us your mobile number.");

    // The registration without any phone (the parser's text above is for callers that parse a blank value).
    public static readonly DriverText PhoneMissing = new("phone.required",
        "Indique o número de telemóvel.",
        "Please tell us your mobile number.");

    public static readonly DriverText PhoneNotAPhone = new("phone.not_a_phone",
        "Não conseguimos identificar o seu número de telemóvel. Escreva-o com o indicativo, por favor (ex.: +351 912 345 678).",
        "We could not work out your mobile number. Please type it with the country code (e.g. +351 912 345 678).");

    public static readonly DriverText PhoneInvalid = new("phone.invalid",
        "O número de telemóvel não é válido. Escreva-o com o indicativo do país, por favor (ex.: +351 912 345 678).",
        "This mobile number is not valid. Please type it with the country code (e.g. +351 912 345 678).");

    public static readonly DriverText NifRequired = new("nif.required",
        "Indique o seu NIF (9 algarismos).",
        "Please tell us your NIF (Portuguese tax number, 9 digits).");

    public static readonly DriverText NifFormat = new("nif.format",
        "O NIF deve ter 9 algarismos.",
        "The NIF must have 9 digits.");

    public static readonly DriverText NifChecksum = new("nif.checksum",
        "O NIF não é válido. Verifique os algarismos, por favor.",
        "This NIF is not valid. Please check the digits.");

    public static readonly DriverText NifNotPerson = new("nif.prefix_not_person",
        "Este NIF não é de uma pessoa singular. Indique o seu NIF pessoal, por favor.",
        "This NIF does not belong to a private person. Please give us your personal NIF.");

    public static readonly DriverText EmailRequired = new("email.required",
        "Indique o seu e-mail.",
        "Please tell us your email address.");

    public static readonly DriverText EmailInvalid = new("email.invalid",
        "O e-mail não é válido. Verifique se está escrito como nome@exemplo.pt.",
        "This email address is not valid. Please check it is written like name@example.com.");

    public static readonly DriverText BirthDateRequired = new("birth_date.required",
        "Indique a sua data de nascimento (dd/mm/aaaa).",
        "Please tell us your date of birth (dd/mm/yyyy).");

    public static readonly DriverText BirthDateFormat = new("birth_date.format",
        "Escreva a data de nascimento no formato dd/mm/aaaa (ex.: 25/04/1990).",
        "Please write your date of birth as dd/mm/yyyy (e.g. 25/04/1990).");

    public static readonly DriverText BirthDateFuture = new("birth_date.future",
        "A data de nascimento não pode ser no futuro.",
        "Your date of birth cannot be in the future.");

    public static readonly DriverText BirthDateUnderage = new("birth_date.underage",
        "Tem de ter pelo menos 18 anos para se registar.",
        "You must be at least 18 years old to register.");

    public static readonly DriverText BirthDateImplausible = new("birth_date.implausible",
        "A data de nascimento não parece correta. Verifique o ano, por favor (dd/mm/aaaa).",
        "This date of birth does not look right. Please check the year (dd/mm/yyyy).");

    // The parser's answers to the privacy notice.
    public static readonly DriverText PrivacyAnswerRequired = new("privacy_accepted.required",
        "Responda \"sim\" para aceitar o aviso de privacidade.",
        "Answer \"yes\" to accept the privacy notice.");

    public static readonly DriverText PrivacyAnswerInvalid = new("privacy_accepted.invalid",
        "Responda \"sim\" ou \"não\", por favor.",
        "Please answer \"yes\" or \"no\".");

    // The registration without any answer to the privacy notice.
    public static readonly DriverText PrivacyNotAnswered = new("privacy_accepted.required",
        "É necessário ler e aceitar o aviso de privacidade.",
        "You need to read and accept the privacy notice.");

    public static readonly DriverText PrivacyRefused = new("privacy_accepted.refused",
        "Sem aceitar o aviso de privacidade não podemos guardar o seu registo.",
        "We cannot keep your registration unless you accept the privacy notice.");

    public static readonly DriverText PrivacyNoticeVersionMissing = new("privacy_notice_version.required",
        "Falta a versão do aviso de privacidade aceite.",
        "The version of the privacy notice you accepted is missing.");
}
