using System.Reflection;

namespace Onboarding.Data.Messages;

/// <summary>
/// Every text a driver may read from the registration API, in pt-PT and English, in one place: the parsers, the
/// normaliser and the endpoint name an entry here and the endpoint renders it in the caller's language. pt-PT texts
/// are the ones the Portuguese flow has always shown; change them only together with the flow's tests.
/// </summary>
public static partial class DriverTexts
{
    /// <summary>Every entry of the catalogue (read when asked: initialisers of partial files run in no set order).</summary>
    public static IReadOnlyList<DriverText> All =>
    [
        .. typeof(DriverTexts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DriverText))
            .Select(f => (DriverText)f.GetValue(null)!),
    ];

    // The answer to a registration. {0} is ", <first name>" or nothing; {1} is the reference an agent can look up.
    public static readonly DriverText Created = new("registration.created",
        "Obrigado{0}! Recebemos o seu registo (ref. {1}). A nossa equipa vai analisá-lo e responde-lhe aqui no WhatsApp.",
        "Thank you{0}! We have received your registration (ref. {1}). Our team will review it and reply to you here on WhatsApp.");

    public static readonly DriverText Updated = new("registration.updated",
        "Obrigado{0}! Atualizámos o seu registo (ref. {1}). A nossa equipa vai analisá-lo e responde-lhe aqui no WhatsApp.",
        "Thank you{0}! We have updated your registration (ref. {1}). Our team will review it and reply to you here on WhatsApp.");

    // One text for every conflict (a NIF of another record, a record of another chat, a phone not verified): it says
    // nothing about any other record; agents get the specifics in a private note.
    public static readonly DriverText RegistrationConflict = new("registration.conflict",
        "Não conseguimos concluir o seu registo automaticamente.",
        "We could not complete your registration automatically.");

    public static readonly DriverText RegistrationClosed = new("registration.closed",
        "O seu registo já foi analisado pela nossa equipa. Um agente vai continuar a conversa consigo.",
        "Our team has already reviewed your registration. An agent will continue the conversation with you.");

    // The summary of a 422 with several fields: {0} is the first field's message, {1} how many more there are.
    public static readonly DriverText MoreToFix = new("registration.more_to_fix",
        "{0} (e mais {1} campo(s) a corrigir)",
        "{0} (and {1} more answer(s) to fix)");

    public static readonly DriverText IdempotencyKeyReused = new("idempotency_key.reused",
        "Esta Idempotency-Key já foi usada com outro pedido.",
        "This Idempotency-Key was already used with a different request.");

    public static readonly DriverText BodyContentType = new("body.content_type",
        "O pedido deve ser JSON (Content-Type: application/json).",
        "The request must be JSON (Content-Type: application/json).");

    // {0} is the limit in KB.
    public static readonly DriverText BodyTooLarge = new("body.too_large",
        "O pedido excede {0} KB.",
        "The request is larger than {0} KB.");

    public static readonly DriverText BodyMalformedJson = new("body.malformed_json",
        "O corpo do pedido não é JSON válido.",
        "The request body is not valid JSON.");

    public static readonly DriverText BodyNotUtf8 = new("body.malformed_json",
        "O corpo do pedido não é JSON válido (UTF-8).",
        "The request body is not valid JSON (UTF-8).");

    public static readonly DriverText BodyNotObject = new("body.not_object",
        "O corpo do pedido deve ser um objeto JSON.",
        "The request body must be a JSON object.");

    // Reported as "<field>.type" for the field whose value is neither text, number, boolean nor a list of those.
    public static readonly DriverText FieldType = new("field.type",
        "Valor com formato inválido.",
        "This answer is in a format we cannot read.");

    public static readonly DriverText FieldTypes = new("body.field_types",
        "Alguns campos têm um formato inválido.",
        "Some answers are in a format we cannot read.");
}
