using Microsoft.Extensions.Options;
using Onboarding.Bridge;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Data.Applications;
using Onboarding.Data.Documents;

namespace Onboarding.Api.Features.Documents;

/// <summary>
/// One private note to agents in the driver's Chatwoot conversation when the checklist becomes complete (the file
/// that completed it names the note, so a retried store writes it once and a later completion writes a new one).
/// </summary>
public sealed class ChecklistCompleteNote(DocumentStore documents, OutboxStore outbox, ApplicationProgress applications, IOptions<BridgeOptions> bridge, BridgeSignal signal)
{
    public async Task SendAsync(DriverProgress progress, Guid completingDocument, CancellationToken ct)
    {
        if (progress.State.Complete)
        {
            // The funnel's "documents complete" stage (docs/0037).
            await applications.DocumentsCompleteAsync(progress.Driver.Id, ct);
        }

        if (!progress.State.Complete || await documents.RecipientAsync(progress.Driver.Id, ct) is not { WaChatId: { } chat, ChatwootConversationId: { } conversation })
        {
            return;
        }

        var text = $"📎 Documentos completos ({progress.State.Slots.Count} ficheiros): prontos para verificar.";
        if (bridge.Value.PublicUrl is { } publicUrl)
        {
            text += $"\nConsola: {new Uri(publicUrl, "console#/drivers/" + progress.Driver.Id)}";
        }

        var key = $"documents-complete:{progress.Driver.Id}:{completingDocument:N}";
        await outbox.EnqueueAsync(new OutboxEntry(key, chat, OutboxKinds.ChatwootMessage, new OutboxPayload { Text = text, Private = true, SourceId = "onboarding:" + key })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = (int)conversation,
        }, ct);
        signal.Wake();
    }
}
