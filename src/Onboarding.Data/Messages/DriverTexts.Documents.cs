namespace Onboarding.Data.Messages;

// Documents: what the flow asks, what the document routes answer, and the messages about documents on WhatsApp.
public static partial class DriverTexts
{
    public static readonly DriverText SideFront = new("document.side_front", "frente", "front");

    public static readonly DriverText SideBack = new("document.side_back", "verso", "back");

    // {0} the document and side ("carta de condução (frente)").
    public static readonly DriverText DocumentPrompt = new("document.prompt",
        "📎 Envie uma fotografia ou um PDF: {0}. Se preferir enviar mais tarde, escreva «enviar depois».",
        "📎 Please send a photo or a PDF: {0}. If you would rather send it later, write \"send later\".");

    // {0} the document and side, {1} the reason staff gave.
    public static readonly DriverText DocumentPromptAgain = new("document.prompt_again",
        "📎 Precisamos de novo: {0}. Motivo: {1}. Envie uma fotografia ou um PDF, ou escreva «enviar depois».",
        "📎 We need this again: {0}. Reason: {1}. Please send a photo or a PDF, or write \"send later\".");

    public static readonly DriverText DocumentsDone = new("document.done",
        "Obrigado! Já temos todos os documentos. A nossa equipa vai verificá-los e responde-lhe aqui no WhatsApp.",
        "Thank you! We have all your documents. Our team will check them and reply to you here on WhatsApp.");

    public static readonly DriverText DocumentStored = new("document.stored", "Recebido ✅", "Received ✅");

    // {0} the document.
    public static readonly DriverText ExpiryQuestion = new("document.expiry_question",
        "Qual é a data de validade do documento «{0}»? (dd/mm/aaaa)",
        "What is the expiry date of the \"{0}\"? (dd/mm/yyyy)");

    public static readonly DriverText ExpiryStored = new("document.expiry_stored", "Obrigado, registámos a validade.", "Thank you, we have noted the expiry date.");

    public static readonly DriverText ExpiryFormat = new("expires_on.format",
        "Escreva a data de validade como dd/mm/aaaa (ex.: 31/12/2030).",
        "Please write the expiry date as dd/mm/yyyy (e.g. 31/12/2030).");

    public static readonly DriverText ExpiryPast = new("expires_on.past",
        "Essa data já passou: o documento está caducado. Envie-nos um documento válido quando o tiver.",
        "That date has passed: the document has expired. Please send us a valid one when you have it.");

    public static readonly DriverText DriverRequired = new("driver_id.required",
        "Não sabemos a que registo pertence este documento.",
        "We do not know which registration this document belongs to.");

    public static readonly DriverText DriverUnknown = new("driver_id.unknown",
        "Não encontrámos o seu registo. Um agente vai continuar a conversa consigo.",
        "We could not find your registration. An agent will continue the conversation with you.");

    public static readonly DriverText DocumentUnknown = new("document.unknown",
        "Este documento não faz parte da lista pedida.",
        "This document is not one we asked for.");

    public static readonly DriverText FileMissing = new("file_url.required",
        "Não recebemos nenhum ficheiro. Envie uma fotografia ou um PDF.",
        "We did not receive a file. Please send a photo or a PDF.");

    public static readonly DriverText FileUnreachable = new("file_url.unreachable",
        "Não conseguimos abrir o ficheiro. Envie-o de novo, por favor.",
        "We could not open the file. Please send it again.");

    public static readonly DriverText FileHeic = new("file_url.heic",
        "Esta fotografia está em formato HEIC (iPhone), que não conseguimos abrir. Envie uma captura de ecrã da fotografia, um PDF, ou mude em Definições → Câmara → Formatos → «Mais compatível».",
        "This photo is in HEIC format (iPhone), which we cannot open. Please send a screenshot of the photo or a PDF, or change Settings → Camera → Formats → \"Most Compatible\".");

    // {0} the accepted types ("JPEG, PNG, PDF").
    public static readonly DriverText FileType = new("file_url.type",
        "Este tipo de ficheiro não é aceite. Envie uma fotografia ou um PDF ({0}).",
        "This kind of file is not accepted. Please send a photo or a PDF ({0}).");

    // {0} the limit in MB.
    public static readonly DriverText FileTooLarge = new("file_url.too_large",
        "O ficheiro tem mais de {0} MB. Envie uma fotografia mais pequena.",
        "The file is larger than {0} MB. Please send a smaller photo.");

    // WhatsApp: staff asked again. {0} ", name" or nothing, {1} the document, {2} the reason, {3} the keyword.
    public static readonly DriverText AskAgainNotice = new("document.ask_again_notice",
        "Olá{0}! Precisamos que nos envie de novo: {1}. Motivo: {2}. Escreva «{3}» para o enviar.",
        "Hi{0}! We need you to send this again: {1}. Reason: {2}. Write \"{3}\" to send it.");

    // WhatsApp: expiry reminder. {0} ", name" or nothing, {1} the document, {2} the date, {3} the keyword.
    public static readonly DriverText ExpiryReminder = new("document.expiry_reminder",
        "Olá{0}! O documento «{1}» caduca a {2}. Quando tiver o novo, escreva «{3}» para o enviar.",
        "Hi{0}! Your \"{1}\" expires on {2}. When you have the new one, write \"{3}\" to send it.");
}
