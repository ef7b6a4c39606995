using System.Globalization;
using Onboarding.Bridge.Clients.WppConnect.Dtos;

namespace Onboarding.Bridge.Inbound;

/// <summary>What a WhatsApp message becomes in Chatwoot: text, and whether a file should be attached.</summary>
public static class InboundContent
{
    public const long MaxAttachmentBytes = 40 * 1024 * 1024;

    private static readonly HashSet<string> MediaTypes = ["image", "video", "audio", "ptt", "document", "sticker"];

    private static readonly HashSet<string> SilentTypes =
        ["e2e_notification", "notification_template", "gp2", "call_log", "protocol", "ciphertext", "revoked", "notification"];

    public static bool IsMedia(WppMessage m) => m.Type is { } t && MediaTypes.Contains(t);

    /// <summary>System messages that carry nothing a person wrote.</summary>
    public static bool IsSilent(WppMessage m) => m.IsNotification || (m.Type is { } t && SilentTypes.Contains(t));

    public static string? Text(WppMessage m) => m.Type switch
    {
        "chat" or null => m.Body,
        "location" => string.Create(CultureInfo.InvariantCulture,
            $"📍 {(string.IsNullOrWhiteSpace(m.Loc) ? "Localização" : m.Loc)}: https://maps.google.com/?q={m.Lat},{m.Lng}"),
        "vcard" or "multi_vcard" => "👤 Cartão de contacto:\n" + m.Body,
        _ when IsMedia(m) => m.Caption,
        _ => $"[Mensagem do tipo «{m.Type}» que o WhatsApp não permite reencaminhar; veja no telemóvel.]",
    };

    public static string Placeholder(WppMessage m, string reason) =>
        $"[{Describe(m.Type)} não reencaminhado: {reason}]" + (string.IsNullOrWhiteSpace(m.Caption) ? "" : "\n" + m.Caption);

    public static string FileName(WppMessage m, string mimeType)
    {
        if (!string.IsNullOrWhiteSpace(m.Filename))
        {
            return m.Filename;
        }

        var extension = mimeType.Split(';')[0].Trim() switch
        {
            "image/jpeg" => "jpg",
            "image/png" => "png",
            "image/webp" => "webp",
            "video/mp4" => "mp4",
            "audio/ogg" => "ogg",
            "audio/mpeg" => "mp3",
            "application/pdf" => "pdf",
            _ => "bin",
        };
        return $"{m.Type ?? "file"}.{extension}";
    }

    private static string Describe(string? type) => type switch
    {
        "image" => "Imagem",
        "video" => "Vídeo",
        "audio" or "ptt" => "Áudio",
        "document" => "Documento",
        "sticker" => "Autocolante",
        _ => "Ficheiro",
    };
}
