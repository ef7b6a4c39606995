namespace Onboarding.Bridge.Contacts;

/// <summary>Where a WhatsApp chat is mirrored: our contact row and its current Chatwoot conversation.</summary>
public sealed record ChatwootTarget(long ContactId, int ChatwootContactId, int ChatwootConversationId, string Mode);
