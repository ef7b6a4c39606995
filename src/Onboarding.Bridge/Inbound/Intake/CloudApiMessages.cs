using System.Globalization;
using System.Text;
using System.Text.Json;
using Onboarding.Bridge.Clients.WppConnect.Dtos;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge.Inbound.Intake;

/// <summary>
/// A Cloud API message (<c>entry[].changes[].value.messages[]</c>,
/// https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples) as the ledger entry the rest of
/// the pipeline already reads: the WhatsApp Web message shape (<see cref="WppMessage"/>) with the same types, so the
/// processor, the Chatwoot mirror and the bot run unchanged. The chat is <c>{wa_id}@c.us</c>; a file keeps its media
/// id; an interactive reply becomes the chosen option's title (the label we sent), as Typebot reads it
/// (packages/whatsapp/src/convertWhatsAppMessageToTypebotMessage.ts).
/// </summary>
public static class CloudApiMessages
{
    public const string Via = "cloudapi";

    private static readonly HashSet<string> MediaKinds = ["image", "video", "audio", "document", "sticker"];

    /// <summary>The ledger entry, or null when the message names no id or sender.</summary>
    public static LedgerEntry? ToEntry(JsonElement message, string? profileName, DateTime now)
    {
        if (WebhookFields.Str(message, "id") is not { Length: > 0 } id || WebhookFields.Str(message, "from") is not { Length: > 0 } from)
        {
            return null;
        }

        var chat = from.TrimStart('+') + "@c.us";
        var seconds = WebhookFields.Id(message, "timestamp");
        var at = seconds is > 0 and < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value).UtcDateTime : now;
        var type = WebhookFields.Str(message, "type") ?? "unknown";
        if (type == "reaction")
        {
            var reaction = Member(message, "reaction");
            return WebhookFields.Str(reaction, "message_id") is { Length: > 0 } target
                ? ReferenceNotes.CloudReaction(id, chat, target, WebhookFields.Str(reaction, "emoji"), at)
                : null;
        }

        var shaped = Shape(message, type) with
        {
            Id = id,
            From = chat,
            ChatId = chat,
            To = null,
            FromMe = false,
            T = new DateTimeOffset(at).ToUnixTimeSeconds(),
            NotifyName = profileName,
            QuotedMsgId = WebhookFields.Str(Member(message, "context"), "id"),
        };
        return new LedgerEntry(id, chat, false, at, JsonSerializer.Serialize(shaped, WppConnectJson.Options));
    }

    private static WppMessage Shape(JsonElement message, string type)
    {
        var content = Member(message, type);
        if (MediaKinds.Contains(type))
        {
            // A voice note is audio with "voice": true; WhatsApp Web calls it ptt.
            var kind = type == "audio" && WebhookFields.Flag(content, "voice") ? "ptt" : type;
            return new WppMessage
            {
                Type = kind,
                Mimetype = WebhookFields.Str(content, "mime_type"),
                Caption = WebhookFields.Str(content, "caption"),
                Filename = WebhookFields.Str(content, "filename"),
                CloudApiMediaId = WebhookFields.Str(content, "id"),
            };
        }

        return type switch
        {
            "text" => new WppMessage { Type = "chat", Body = WebhookFields.Str(content, "body") },
            "location" => new WppMessage
            {
                Type = "location",
                Lat = Number(content, "latitude"),
                Lng = Number(content, "longitude"),
                Loc = string.Join(", ", new[] { WebhookFields.Str(content, "name"), WebhookFields.Str(content, "address") }.Where(s => !string.IsNullOrWhiteSpace(s))),
            },
            "contacts" => Contacts(message),
            "interactive" => Interactive(content),
            "button" => new WppMessage { Type = "template_button_reply", Body = WebhookFields.Str(content, "text") ?? WebhookFields.Str(content, "payload") },

            // A number change and other system notices carry nothing the driver wrote.
            "system" => new WppMessage { Type = "notification", Body = WebhookFields.Str(content, "body") },
            _ => new WppMessage { Type = Unsupported(message) },
        };
    }

    /// <summary>A reply button or list row: the title is the option's label as we sent it (we never shorten labels).</summary>
    private static WppMessage Interactive(JsonElement interactive)
    {
        var kind = WebhookFields.Str(interactive, "type");
        var reply = Member(interactive, kind ?? "");
        var title = WebhookFields.Str(reply, "title") ?? WebhookFields.Str(reply, "id");
        return kind switch
        {
            "button_reply" => new WppMessage { Type = "buttons_response", Body = title },
            "list_reply" => new WppMessage { Type = "list_response", Body = title },
            _ => new WppMessage { Type = "interactive:" + (kind ?? "unknown") },
        };
    }

    /// <summary>Shared contact cards, each as a small vCard (the processor names them as it does WhatsApp Web's).</summary>
    private static WppMessage Contacts(JsonElement message)
    {
        var cards = new List<WppVcard>();
        if (message.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array)
        {
            foreach (var contact in contacts.EnumerateArray())
            {
                var name = WebhookFields.Str(Member(contact, "name"), "formatted_name") ?? "";
                var vcard = new StringBuilder("BEGIN:VCARD\nVERSION:3.0\nFN:").Append(name).Append('\n');
                if (contact.TryGetProperty("phones", out var phones) && phones.ValueKind == JsonValueKind.Array)
                {
                    foreach (var phone in phones.EnumerateArray())
                    {
                        if (WebhookFields.Str(phone, "phone") is { } number)
                        {
                            vcard.Append("TEL:").Append(number).Append('\n');
                        }
                    }
                }

                cards.Add(new WppVcard { DisplayName = name.Length > 0 ? name : null, Vcard = vcard.Append("END:VCARD").ToString() });
            }
        }

        return cards.Count == 1
            ? new WppMessage { Type = "vcard", Body = cards[0].Vcard }
            : new WppMessage { Type = "multi_vcard", VcardList = cards };
    }

    /// <summary>"unsupported" with Meta's reason when it gives one (error 131051, "Message type unknown").</summary>
    private static string Unsupported(JsonElement message)
    {
        var type = WebhookFields.Str(message, "type") ?? "unknown";
        if (message.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && WebhookFields.Str(errors[0], "title") is { Length: > 0 } title)
        {
            return $"{type} ({title})";
        }

        return type;
    }

    private static JsonElement Member(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && name.Length > 0 && e.TryGetProperty(name, out var v) ? v : default;

    private static double? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Number => v.GetDouble(),
                JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;
}
