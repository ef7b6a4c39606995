using System.Globalization;
using Npgsql;
using Onboarding.Bridge.Contacts;
using Onboarding.Data.Drivers;
using Onboarding.Data.Portugal;

namespace Onboarding.Bridge.Bot;

/// <summary>What the bot may know of a driver before it asks anything: the prefilled variables of a new session.</summary>
public static class BotDrivers
{
    /// <summary>The <c>resume_at</c> value that takes the flow to the first missing document.</summary>
    public const string ResumeAtDocuments = "documents";

    public static async Task<KnownDriver?> FindAsync(NpgsqlConnection connection, string? phoneE164, CancellationToken ct) =>
        phoneE164 is null ? null : await DriverRepository.FindKnownAsync(connection, phoneE164, ct);

    /// <summary>
    /// The variables the flow declares for this (never a secret): phone, WhatsApp name, chat, conversation, driver, and
    /// <c>resume_at</c>, the group a new session jumps to when the one it replaces was lost mid-flow.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Prefill(BotConversation conversation, KnownDriver? driver, Uri? apiUrl, string? resumeAt = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["onboarding_api_url"] = apiUrl?.AbsoluteUri.TrimEnd('/') ?? "",
            ["wa_chat_id"] = conversation.PhoneE164 is { } phone ? Phone.ToChatId(phone) : conversation.WaChatId,
            ["chatwoot_conversation_id"] = conversation.ChatwootConversationId.ToString(CultureInfo.InvariantCulture),
        };
        if (conversation.PhoneE164 is { } e164)
        {
            variables["phone"] = e164;
        }

        if (!string.IsNullOrWhiteSpace(conversation.DisplayName))
        {
            variables["whatsapp_name"] = conversation.DisplayName;
        }

        if (driver is not null)
        {
            variables["driver_id"] = driver.Id.ToString();
        }

        if (!string.IsNullOrEmpty(resumeAt))
        {
            variables["resume_at"] = resumeAt;
        }

        return variables;
    }
}
