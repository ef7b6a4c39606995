using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Documents;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Messages;

namespace Onboarding.Bridge.Notifications;

/// <summary>
/// Reminds drivers on WhatsApp that an approved document expires (<c>Documents:ReminderDays</c>, 30, 7 and 0 days
/// before by default), each at most once per document: the mark and the outbox rows commit together. The reminders
/// are service notices (docs/0027): to a chat whose driver has not written within the window, the governor gives
/// agents a note instead.
/// </summary>
public sealed class ExpiryReminders(
    NpgsqlDataSource dataSource, DocumentChecklist checklist, IOptions<TypebotOptions> typebot, TimeProvider clock, BridgeSignal signal)
{
    /// <summary>Sends what is due today; returns how many reminders were enqueued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!checklist.Enabled)
        {
            return 0;
        }

        var today = DocumentStore.Today(clock);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var sent = 0;
        foreach (var due in await DocumentStore.DueRemindersAsync(connection, transaction, today, [.. checklist.ReminderDays], ct))
        {
            if (!await DocumentStore.MarkReminderAsync(connection, transaction, due, ct) || due.WaChatId is not { } chat)
            {
                continue;
            }

            var language = due.Language == "en" ? Language.English : Language.Portuguese;
            var keyword = typebot.Value.DocumentKeywords.FirstOrDefault(k => language == Language.English ? k == "documents" : k == "documentos")
                ?? typebot.Value.DocumentKeywords.FirstOrDefault() ?? "documentos";
            var kind = checklist.Kind(due.Kind)?.Label(language) ?? due.Kind;
            var text = DriverTexts.ExpiryReminder.With(DocumentNotices.NameSuffix(due.FullName), kind,
                due.ExpiresOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), keyword).In(language);
            foreach (var entry in DocumentNotices.Entries($"document-expiry:{due.DocumentId:N}:{due.DaysBefore}", chat, due.ChatwootConversationId, text,
                         due.Language, due.FullName, kind))
            {
                await OutboxStore.InsertAsync(connection, transaction, entry, ct);
            }

            sent++;
        }

        await transaction.CommitAsync(ct);
        if (sent > 0)
        {
            signal.Wake();
        }

        return sent;
    }
}
