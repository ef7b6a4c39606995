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
}

public sealed record SandboxPhonesResponse(IReadOnlyList<SandboxPhone> Phones);

/// <summary>
/// A message as the driver's WhatsApp shows it. <c>Sender</c>: <c>driver</c> for the phone's own messages, else
/// <c>bot</c>, <c>agent</c>, <c>notice</c> or <c>company</c> (see <see cref="SandboxSenders"/>).
/// </summary>
public sealed record PhoneMessage(string Id, string Sender, string Type, string? Text, string? FileName, int Ack, DateTime At)
{
    public static PhoneMessage From(FakeWppMessage m, IReadOnlyDictionary<string, string> outboxKeys) => new(
        m.Id,
        // FromMe is WPPConnect's view: sent by the company number.
        m.FromMe ? SandboxSenders.OfOutboxKey(outboxKeys.GetValueOrDefault(m.Id)) : SandboxSenders.Driver,
        m.Type,
        TextOf(m),
        m.Filename,
        m.Ack,
        AtOf(m));

    /// <summary>What the phone shows as text: the body of a text, the caption of a file (never a file's bytes).</summary>
    public static string? TextOf(FakeWppMessage m) => m.Type switch { "chat" or "vcard" => m.Body, "location" => m.Loc, _ => m.Caption };

    public static DateTime AtOf(FakeWppMessage m) => DateTimeOffset.FromUnixTimeSeconds(m.T).UtcDateTime;
}

/// <summary>One phone's conversation with the company, oldest first.</summary>
public sealed record PhoneChatResponse(string Phone, string ChatId, string? Name, IReadOnlyList<PhoneMessage> Messages);
