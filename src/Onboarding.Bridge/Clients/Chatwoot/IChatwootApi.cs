using System.Text.Json;
using Onboarding.Bridge.Clients.Chatwoot.Dtos;
using Refit;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// Chatwoot Application API routes (account-scoped, Chatwoot 4.x). The access token is added by
/// <see cref="ChatwootAuthHandler"/>; <see cref="ChatwootClient"/> hides the envelopes.
/// </summary>
public interface IChatwootApi
{
    [Post("/api/v1/accounts/{accountId}/contacts")]
    Task<IApiResponse<ChatwootContactCreated>> CreateContactAsync(int accountId, [Body] ChatwootContactCreateRequest body, CancellationToken ct);

    [Get("/api/v1/accounts/{accountId}/contacts/{contactId}")]
    Task<IApiResponse<ChatwootPayload<ChatwootContact>>> GetContactAsync(int accountId, int contactId, CancellationToken ct);

    /// <summary>Deletes the contact with its contact inboxes, conversations and messages; 200 with an empty body.</summary>
    [Delete("/api/v1/accounts/{accountId}/contacts/{contactId}")]
    Task<IApiResponse<string>> DeleteContactAsync(int accountId, int contactId, CancellationToken ct);

    [Post("/api/v1/accounts/{accountId}/contacts/filter")]
    Task<IApiResponse<ChatwootPage<ChatwootContact>>> FilterContactsAsync(
        int accountId, [Body] ChatwootFilterRequest body, [Query] int page, CancellationToken ct);

    /// <summary>Substring match over name, email, phone and identifier; 15 per page.</summary>
    [Get("/api/v1/accounts/{accountId}/contacts/search")]
    Task<IApiResponse<ChatwootPage<ChatwootContact>>> SearchContactsAsync(int accountId, [Query] string q, [Query] int page, CancellationToken ct);

    [Post("/api/v1/accounts/{accountId}/contacts/{contactId}/contact_inboxes")]
    Task<IApiResponse<ChatwootContactInbox>> CreateContactInboxAsync(
        int accountId, int contactId, [Body] ChatwootContactInboxRequest body, CancellationToken ct);

    [Get("/api/v1/accounts/{accountId}/contacts/{contactId}/conversations")]
    Task<IApiResponse<ChatwootPayload<List<ChatwootConversation>>>> ListContactConversationsAsync(int accountId, int contactId, CancellationToken ct);

    [Post("/api/v1/accounts/{accountId}/conversations")]
    Task<IApiResponse<ChatwootConversation>> CreateConversationAsync(int accountId, [Body] ChatwootConversationCreateRequest body, CancellationToken ct);

    [Get("/api/v1/accounts/{accountId}/conversations/{conversationId}")]
    Task<IApiResponse<ChatwootConversation>> GetConversationAsync(int accountId, int conversationId, CancellationToken ct);

    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<IApiResponse<ChatwootMessage>> CreateMessageAsync(
        int accountId, int conversationId, [Body] ChatwootMessageCreateRequest body, CancellationToken ct);

    /// <summary>Multipart variant; <c>content_attributes</c> travels as a JSON string.</summary>
    [Multipart]
    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<IApiResponse<ChatwootMessage>> CreateMessageWithAttachmentsAsync(
        int accountId,
        int conversationId,
        [AliasAs("content")] string content,
        [AliasAs("message_type")] string messageType,
        [AliasAs("private")] string isPrivate,
        [AliasAs("source_id")] string sourceId,
        [AliasAs("content_attributes")] string contentAttributes,
        [AliasAs("attachments[]")] IEnumerable<ChatwootFilePart> attachments,
        CancellationToken ct);

    [Get("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<IApiResponse<ChatwootMessageList>> ListMessagesAsync(
        int accountId, int conversationId, [Query] int? before, [Query] int? after, CancellationToken ct);

    [Patch("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages/{messageId}")]
    Task<IApiResponse<ChatwootMessage>> UpdateMessageStatusAsync(
        int accountId, int conversationId, int messageId, [Body] ChatwootMessageStatusRequest body, CancellationToken ct);

    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/toggle_status")]
    Task<IApiResponse<ChatwootToggleStatusResponse>> ToggleStatusAsync(
        int accountId, int conversationId, [Body] ChatwootToggleStatusRequest body, CancellationToken ct);

    /// <summary>Answers the agent partial, the raw team, or <c>null</c> for an unknown id.</summary>
    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/assignments")]
    Task<IApiResponse<JsonElement?>> AssignAsync(int accountId, int conversationId, [Body] ChatwootAssignmentRequest body, CancellationToken ct);

    [Get("/api/v1/accounts/{accountId}/conversations/{conversationId}/labels")]
    Task<IApiResponse<ChatwootPayload<List<string>>>> GetLabelsAsync(int accountId, int conversationId, CancellationToken ct);

    /// <summary>Replaces the whole label list.</summary>
    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/labels")]
    Task<IApiResponse<ChatwootPayload<List<string>>>> SetLabelsAsync(
        int accountId, int conversationId, [Body] ChatwootLabelsRequest body, CancellationToken ct);

    /// <summary>Replaces the whole custom attribute hash.</summary>
    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/custom_attributes")]
    Task<IApiResponse<ChatwootCustomAttributesResponse>> SetCustomAttributesAsync(
        int accountId, int conversationId, [Body] ChatwootCustomAttributesRequest body, CancellationToken ct);
}
