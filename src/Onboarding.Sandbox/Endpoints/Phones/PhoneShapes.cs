using System.Text.Json.Nodes;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Sandbox.WppConnect;
using PortugalPhone = Onboarding.Data.Portugal.Phone;

namespace Onboarding.Sandbox.Endpoints.Phones;

/// <summary>A simulated driver's phone that has a chat with the company number.</summary>
public sealed record SandboxPhone(string? Phone, string ChatId, string? Name, int Messages, string? LastText, DateTime? LastAt)
{
    public static SandboxPhone From(FakeWppChat chat)
    {
        var last = chat.Last;
        return new SandboxPhone(PortugalPhone.FromChatId(chat.Id), chat.Id, chat.Name, chat.Messages.Count,
            last is null ? null : PhoneMessage.TextOf(last) ?? $"[{last.Type}]", last is null ? null : PhoneMessage.AtOf(last));
    }

    /// <summary>A Cloud API chat, under the chat id the WhatsApp Web view would give the same number.</summary>
    public static SandboxPhone From(CloudChat chat)
    {
        var last = chat.Last;
        var chatId = chat.WaId + "@c.us";
        return new SandboxPhone(PortugalPhone.FromChatId(chatId), chatId, chat.ProfileName, chat.Messages.Count,
            last is null ? null : last.Text ?? $"[{last.Type}]", last?.At.UtcDateTime);
    }
}

public sealed record SandboxPhonesResponse(IReadOnlyList<SandboxPhone> Phones);

/// <summary>
/// A message as the driver's WhatsApp shows it. <c>Sender</c>: <c>driver</c> for the phone's own messages, else
/// <c>bot</c>, <c>agent</c>, <c>notice</c> or <c>company</c> (see <see cref="SandboxSenders"/>).
/// </summary>
public sealed record PhoneMessage(string Id, string Sender, string Type, string? Text, string? FileName, int Ack, DateTime At)
{
    /// <summary>The reply buttons or list rows of a Cloud API interactive message, which the driver can tap; else null.</summary>
    public IReadOnlyList<PhoneChoice>? Choices { get; init; }

    /// <summary><c>buttons</c> (shown under the message) or <c>list</c> (behind a button labelled <see cref="ChoicesLabel"/>).</summary>
    public string? ChoiceKind { get; init; }

    public string? ChoicesLabel { get; init; }

    /// <summary>Why a message of ours never reached the phone (<c>131047: Re-engagement message</c>), as its failed status said.</summary>
    public string? Error { get; init; }

    public static PhoneMessage From(FakeWppMessage m, IReadOnlyDictionary<string, string> outboxKeys) => new(
        m.Id,
        // FromMe is WPPConnect's view: sent by the company number.
        m.FromMe ? SandboxSenders.OfOutboxKey(outboxKeys.GetValueOrDefault(m.Id)) : SandboxSenders.Driver,
        m.Type,
        TextOf(m),
        m.Filename,
        m.Ack,
        AtOf(m));

    /// <summary>
    /// A Cloud API message in the phone's vocabulary: texts, templates and interactive messages are <c>chat</c> (the
    /// phone renders their text), a voice note is <c>ptt</c>; statuses map to WhatsApp Web's acks (-1 failed … 3 read).
    /// </summary>
    public static PhoneMessage From(CloudMessage m, IReadOnlyDictionary<string, string> outboxKeys)
    {
        var type = m.Type switch
        {
            "text" or "template" or "interactive" or "button" => "chat",
            "audio" when m.Content["voice"]?.GetValue<bool>() == true => "ptt",
            _ => m.Type,
        };
        var ack = m.Status switch { "failed" => -1, "accepted" => 0, "sent" => 1, "delivered" => 2, "read" => 3, _ => 1 };
        var sender = m.FromBusiness ? SandboxSenders.OfOutboxKey(outboxKeys.GetValueOrDefault(m.Id)) : SandboxSenders.Driver;
        var interactive = m.FromBusiness && m.Type == "interactive" ? m.Content["type"]?.GetValue<string>() : null;
        return new PhoneMessage(m.Id, sender, type, m.Text, m.FileName, ack, m.At.UtcDateTime)
        {
            ChoiceKind = interactive switch { "button" => "buttons", "list" => "list", _ => null },
            ChoicesLabel = interactive == "list" ? m.Content["action"]?["button"]?.GetValue<string>() : null,
            Choices = interactive switch
            {
                "button" => (m.Content["action"]?["buttons"] as JsonArray ?? [])
                    .Select(b => new PhoneChoice(Str(b?["reply"]?["id"]), Str(b?["reply"]?["title"]), null)).ToList(),
                "list" => (m.Content["action"]?["sections"] as JsonArray ?? []).SelectMany(s => s?["rows"] as JsonArray ?? [])
                    .Select(r => new PhoneChoice(Str(r?["id"]), Str(r?["title"]), r?["description"]?.GetValue<string>())).ToList(),
                _ => null,
            },
            Error = m.Error is { } e ? $"{e.Code}: {e.Title}" : null,
        };
    }

    /// <summary>What the phone shows as text: the body of a text, the caption of a file (never a file's bytes).</summary>
    public static string? TextOf(FakeWppMessage m) => m.Type switch { "chat" or "vcard" => m.Body, "location" => m.Loc, _ => m.Caption };

    public static DateTime AtOf(FakeWppMessage m) => DateTimeOffset.FromUnixTimeSeconds(m.T).UtcDateTime;

    private static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";
}

/// <summary>One reply button or list row: what the driver taps and what the reply carries.</summary>
public sealed record PhoneChoice(string Id, string Title, string? Description);

/// <summary>One phone's conversation with the company, oldest first.</summary>
public sealed record PhoneChatResponse(string Phone, string ChatId, string? Name, IReadOnlyList<PhoneMessage> Messages);
