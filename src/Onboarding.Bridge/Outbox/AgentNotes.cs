namespace Onboarding.Bridge.Outbox;

/// <summary>
/// What the WhatsApp lane tells the agents about a send (a dead letter, a late delivery): rows for the chat's Chatwoot
/// lane, keyed by the caller so that telling again is a no-op, and tagged with the key so a retry finds what it made.
/// </summary>
public static class AgentNotes
{
    /// <summary>A private note in the send's conversation.</summary>
    public static OutboxEntry Note(OutboxItem send, int conversationId, string dedupeKey, string text) =>
        new(dedupeKey, send.WaChatId, OutboxKinds.ChatwootMessage, new OutboxPayload { Text = text, Private = true, SourceId = "onboarding:" + dedupeKey })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = conversationId,
        };

    /// <summary>The agent's message that the send carried, marked failed with the reason.</summary>
    public static OutboxEntry Failed(OutboxItem send, int conversationId, int messageId, string dedupeKey, string error) =>
        new(dedupeKey, send.WaChatId, OutboxKinds.ChatwootMessageStatus, new OutboxPayload { Status = "failed", Error = error })
        {
            Lane = OutboxLanes.Chatwoot,
            ChatwootConversationId = conversationId,
            ChatwootMessageId = messageId,
        };
}
