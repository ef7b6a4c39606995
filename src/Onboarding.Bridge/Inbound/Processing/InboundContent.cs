using System.Globalization;
using System.Text;
using Onboarding.Bridge.Clients.WppConnect.Dtos;

namespace Onboarding.Bridge.Inbound.Processing;

/// <summary>
/// What a WhatsApp message becomes in Chatwoot: text, and whether a file should be attached. Every kind gives
/// something agents can read: a file, its text, or a placeholder naming it; never nothing. Types and fields as
/// WhatsApp Web's Msg model has them (wa-js 4.6.0 <c>src/whatsapp/models/MsgModel.ts</c>,
/// <c>src/chat/functions/sendCreatePollMessage.ts</c> for polls).
/// </summary>
public static class InboundContent
{
    public const long MaxAttachmentBytes = 40 * 1024 * 1024;

    private static readonly HashSet<string> MediaTypes = ["image", "video", "audio", "ptt", "document", "sticker"];

    private static readonly HashSet<string> SilentTypes =
        ["e2e_notification", "notification_template", "gp2", "call_log", "protocol", "ciphertext", "revoked", "notification"];

    /// <summary>Extensions by MIME type, for files WhatsApp sends without a name.</summary>
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
        ["image/gif"] = "gif",
        ["video/mp4"] = "mp4",
        ["video/3gpp"] = "3gp",
        ["audio/ogg"] = "ogg",
        ["audio/mpeg"] = "mp3",
        ["audio/mp4"] = "m4a",
        ["audio/aac"] = "aac",
        ["audio/amr"] = "amr",
        ["application/pdf"] = "pdf",
        ["application/msword"] = "doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "docx",
        ["application/vnd.ms-excel"] = "xls",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "xlsx",
        ["text/plain"] = "txt",
        ["text/vcard"] = "vcf",
    };

    public static bool IsMedia(WppMessage m) => m.Type is { } t && MediaTypes.Contains(t);

    /// <summary>System messages that carry nothing a person wrote.</summary>
    public static bool IsSilent(WppMessage m) => m.IsNotification || (m.Type is { } t && SilentTypes.Contains(t));

    public static string? Text(WppMessage m) => m.Type switch
    {
        "chat" or null => m.Body,
        "location" => Location(m),
        "vcard" => "👤 Cartão de contacto: " + Card(m.Body),
        "multi_vcard" => "👤 Cartões de contacto: " + (m.VcardList is { Count: > 0 } cards
            ? string.Join("; ", cards.Select(c => c.DisplayName ?? Card(c.Vcard)))
            : Card(m.Body)),
        "poll_creation" => "📊 Sondagem: " + m.PollName
            + string.Concat((m.PollOptions ?? []).Select(o => "\n• " + o.Name)),
        "buttons_response" or "list_response" or "template_button_reply" => m.Body,
        "sticker" => m.Caption,
        _ when IsMedia(m) => m.Caption,
        _ => "Mensagem não suportada: " + m.Type,
    };

    /// <summary>The text of a file that could not be attached, naming the kind and why, with its caption.</summary>
    public static string Placeholder(WppMessage m, string reason) =>
        $"[{Describe(m.Type)} não reencaminhado: {reason}]" + (string.IsNullOrWhiteSpace(m.Caption) ? "" : "\n" + m.Caption);

    /// <summary>The kind of message in a few words, for notes and placeholders ("Nota de voz", "Sticker", …).</summary>
    public static string Describe(string? type) => type switch
    {
        "image" => "Imagem",
        "video" => "Vídeo",
        "audio" => "Áudio",
        "ptt" => "Nota de voz",
        "document" => "Documento",
        "sticker" => "Sticker",
        "location" => "Localização",
        "vcard" or "multi_vcard" => "Cartão de contacto",
        "poll_creation" => "Sondagem",
        "chat" or null => "Mensagem",
        _ => "Mensagem do tipo " + type,
    };

    /// <summary>The file's own name, else one made from its kind and MIME type (parameters such as codecs ignored).</summary>
    public static string FileName(WppMessage m, string mimeType)
    {
        if (!string.IsNullOrWhiteSpace(m.Filename))
        {
            return m.Filename;
        }

        var extension = Extensions.GetValueOrDefault(BareMimeType(mimeType), "bin");
        var stem = m.Type switch
        {
            "ptt" => "nota-de-voz",
            "image" => "imagem",
            "video" => "video",
            "audio" => "audio",
            "sticker" => "sticker",
            "document" => "documento",
            _ => "ficheiro",
        };
        return $"{stem}.{extension}";
    }

    /// <summary><c>audio/ogg; codecs=opus</c> → <c>audio/ogg</c>.</summary>
    public static string BareMimeType(string mimeType) => mimeType.Split(';')[0].Trim();

    private static string Location(WppMessage m)
    {
        var place = string.IsNullOrWhiteSpace(m.Loc) ? "" : m.Loc.Trim() + " — ";
        return string.Create(CultureInfo.InvariantCulture, $"📍 Localização: {place}https://maps.google.com/?q={m.Lat},{m.Lng}");
    }

    /// <summary>The name and numbers of a vCard (<c>FN</c>, <c>TEL</c>), or the card as it came when it has neither.</summary>
    private static string Card(string? vcard)
    {
        if (string.IsNullOrWhiteSpace(vcard))
        {
            return "(vazio)";
        }

        var name = "";
        var phones = new List<string>();
        foreach (var line in vcard.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Split(';')[0].Split('.')[^1].ToUpperInvariant();
            if (key == "FN")
            {
                name = line[(colon + 1)..].Trim();
            }
            else if (key == "TEL")
            {
                phones.Add(line[(colon + 1)..].Trim());
            }
        }

        if (name.Length == 0 && phones.Count == 0)
        {
            return vcard;
        }

        var text = new StringBuilder(name);
        if (phones.Count > 0)
        {
            text.Append(name.Length > 0 ? " — " : "").AppendJoin(", ", phones);
        }

        return text.ToString();
    }
}
