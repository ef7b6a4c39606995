using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Outbound.Outbox;

namespace Onboarding.Bridge.Notifications;

/// <summary>
/// The rows of a message to a driver about their documents (asked again, about to expire): a service notice on
/// WhatsApp (docs/0027: the governor sends it only to a warm chat, otherwise agents get a note instead) and its
/// mirror in the Chatwoot conversation, under one deterministic dedupe key.
/// </summary>
public static class DocumentNotices
{
    /// <remarks>
    /// <paramref name="language"/>, <paramref name="fullName"/> and <paramref name="document"/> fill the Cloud API's
    /// <c>document_reminder</c> template when the 24-hour window is closed (docs/0043).
    /// </remarks>
    public static IReadOnlyList<OutboxEntry> Entries(string key, string waChatId, long? chatwootConversationId, string text,
        string? language, string? fullName, string document)
    {
        var conversation = (int?)chatwootConversationId;
        var payload = new OutboxPayload
        {
            Text = text,
            Typing = true,
            Purpose = TemplatePurposes.DocumentReminder,
            Language = language,
            Values = new Dictionary<string, string>
            {
                ["name"] = fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
                ["document"] = document,
                ["text"] = text,
            },
        };
        var whatsapp = new OutboxEntry(key, waChatId, OutboxKinds.Text, payload)
        {
            Class = MessageClasses.ServiceNotice,
            ChatwootConversationId = conversation,
        };
        return conversation is null
            ? [whatsapp]
            : [whatsapp, new OutboxEntry(key + ":cw", waChatId, OutboxKinds.ChatwootMessage, new OutboxPayload { Text = text, SourceId = "onboarding:" + key })
            {
                Lane = OutboxLanes.Chatwoot,
                ChatwootConversationId = conversation,
            }];
    }

    /// <summary>", Maria" for "Maria da Silva", nothing without a name.</summary>
    public static string NameSuffix(string? fullName) =>
        fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } first ? ", " + first : "";
}
