using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Chatwoot.Dtos;
using Onboarding.Bridge.Clients.Chatwoot.Json;
using Onboarding.Bridge.Clients.Resilience;
using Refit;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// The Chatwoot account and inbox as the bridge uses them, envelopes unwrapped. Failures throw
/// <see cref="UpstreamException"/>; lookups of something absent return null.
/// </summary>
public sealed class ChatwootClient(IChatwootApi api, IOptions<ChatwootOptions> options)
{
    private const string Api = "Chatwoot";

    private int Account => options.Value.AccountId;

    private int Inbox => options.Value.InboxId;

    /// <summary>Exact phone match (filter normalises to <c>+digits</c>), or null.</summary>
    public Task<ChatwootContact?> FindContactByPhoneAsync(string e164, CancellationToken ct = default) =>
        FindContactAsync("phone_number", e164, c => Digits(c.PhoneNumber) == Digits(e164), ct);

    /// <summary>Exact identifier match (for example the WhatsApp chat id), or null.</summary>
    public Task<ChatwootContact?> FindContactByIdentifierAsync(string identifier, CancellationToken ct = default) =>
        FindContactAsync("identifier", identifier, c => c.Identifier == identifier, ct);

    /// <summary>Substring search over name, email, phone and identifier (first page of 15).</summary>
    public async Task<IReadOnlyList<ChatwootContact>> SearchContactsAsync(string query, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var response = await api.SearchContactsAsync(Account, query, 1, ct);
        return Ensure(response, "contacts/search").Payload ?? [];
    }

    public async Task<ChatwootContact?> GetContactAsync(int contactId, CancellationToken ct = default)
    {
        using var response = await api.GetContactAsync(Account, contactId, ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : Ensure(response, "contacts/show").Payload;
    }

    /// <summary>
    /// Deletes the contact; Chatwoot then removes its conversations, their messages and attachments (docs/0020). False
    /// when it was already gone, so a repeat is harmless.
    /// </summary>
    public async Task<bool> DeleteContactAsync(int contactId, CancellationToken ct = default)
    {
        using var response = await api.DeleteContactAsync(Account, contactId, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode || response.HasRequestError(out _))
        {
            Ensure(response, "contacts/destroy");
        }

        return true;
    }

    /// <summary>Creates the contact and its contact_inbox in our inbox with <paramref name="sourceId"/>. Not retried.</summary>
    public async Task<ChatwootContactCreation> CreateContactAsync(
        string? name, string? e164Phone, string identifier, string sourceId,
        IReadOnlyDictionary<string, object?>? customAttributes = null, CancellationToken ct = default)
    {
        var body = new ChatwootContactCreateRequest
        {
            InboxId = Inbox,
            Name = name,
            PhoneNumber = e164Phone,
            Identifier = identifier,
            SourceId = sourceId,
            CustomAttributes = customAttributes?.ToDictionary(),
        };
        using var response = await api.CreateContactAsync(Account, body, ct);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var error = ReadError(response);
            return new ChatwootContactCreation(null, error?.Message ?? ErrorText(error) ?? "rejected", error?.Attributes ?? []);
        }

        var contact = Ensure(response, "contacts/create").Payload?.Contact
            ?? throw new UpstreamException(Api, "contacts/create answered without a contact", response.StatusCode, false);
        return new ChatwootContactCreation(contact, null, []);
    }

    /// <summary>Links the contact to our inbox under <paramref name="sourceId"/>; find-or-create, safe to repeat.</summary>
    public async Task<ChatwootContactInbox> EnsureContactInboxAsync(int contactId, string sourceId, CancellationToken ct = default)
    {
        using var response = await api.CreateContactInboxAsync(Account, contactId, new ChatwootContactInboxRequest(Inbox, sourceId), ct);
        return Ensure(response, "contact_inboxes/create");
    }

    /// <summary>
    /// Creates a conversation in our inbox. Chatwoot may override <paramref name="status"/> (an inbox with an agent
    /// bot always starts <c>pending</c>). Not retried: a repeat is a second conversation.
    /// </summary>
    public async Task<ChatwootConversation> CreateConversationAsync(
        int contactId, string sourceId, string? status = null,
        IReadOnlyDictionary<string, object?>? customAttributes = null, CancellationToken ct = default)
    {
        var body = new ChatwootConversationCreateRequest
        {
            SourceId = sourceId,
            InboxId = Inbox,
            ContactId = contactId,
            Status = status,
            CustomAttributes = customAttributes?.ToDictionary(),
        };
        using var response = await api.CreateConversationAsync(Account, body, ct);
        return Ensure(response, "conversations/create");
    }

    /// <summary>The conversation, or null when it no longer exists (deleted: the mapping must heal).</summary>
    public async Task<ChatwootConversation?> GetConversationAsync(int conversationId, CancellationToken ct = default)
    {
        using var response = await api.GetConversationAsync(Account, conversationId, ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : Ensure(response, "conversations/show");
    }

    /// <summary>The contact's last 20 conversations in every inbox and status, most recent first.</summary>
    public async Task<IReadOnlyList<ChatwootConversation>> ListContactConversationsAsync(int contactId, CancellationToken ct = default)
    {
        using var response = await api.ListContactConversationsAsync(Account, contactId, ct);
        return Ensure(response, "contacts/conversations").Payload ?? [];
    }

    /// <summary>Creates a message (multipart when it has attachments). Never retried: a repeat is a duplicate.</summary>
    public async Task<ChatwootMessage> CreateMessageAsync(int conversationId, ChatwootNewMessage message, CancellationToken ct = default)
    {
        IApiResponse<ChatwootMessage> response;
        if (message.Attachments.Count == 0)
        {
            response = await api.CreateMessageAsync(Account, conversationId, new ChatwootMessageCreateRequest
            {
                Content = message.Content,
                MessageType = message.MessageType,
                Private = message.Private,
                SourceId = message.SourceId,
                ContentAttributes = message.ContentAttributes?.ToDictionary(),
            }, ct);
        }
        else
        {
            var parts = message.Attachments.Select(a => new ChatwootFilePart(a.Content, a.FileName, a.ContentType));
            response = await api.CreateMessageWithAttachmentsAsync(
                Account,
                conversationId,
                message.Content ?? "",
                message.MessageType,
                message.Private ? "true" : "false",
                message.SourceId ?? "",
                JsonSerializer.Serialize(message.ContentAttributes ?? new Dictionary<string, object?>(), ChatwootJson.Options),
                parts,
                ct);
        }

        using (response)
        {
            return Ensure(response, "messages/create");
        }
    }

    /// <summary>Messages of a conversation: the latest 20, or those after / before a message id.</summary>
    public async Task<IReadOnlyList<ChatwootMessage>> ListMessagesAsync(
        int conversationId, int? afterId = null, int? beforeId = null, CancellationToken ct = default)
    {
        using var response = await api.ListMessagesAsync(Account, conversationId, beforeId, afterId, ct);
        return Ensure(response, "messages/index").Payload ?? [];
    }

    /// <summary>Finds a message we created (by its source id) among the latest ones, to check before creating again.</summary>
    public async Task<ChatwootMessage?> FindRecentMessageBySourceIdAsync(int conversationId, string sourceId, CancellationToken ct = default)
    {
        var latest = await ListMessagesAsync(conversationId, ct: ct);
        return latest.LastOrDefault(m => m.SourceId == sourceId);
    }

    /// <summary>Sets <c>delivered</c>, <c>read</c> or <c>failed</c> (with the reason) on a message of our API inbox.</summary>
    public async Task<ChatwootMessage> UpdateMessageStatusAsync(
        int conversationId, int messageId, string status, string? externalError = null, CancellationToken ct = default)
    {
        using var response = await api.UpdateMessageStatusAsync(
            Account, conversationId, messageId, new ChatwootMessageStatusRequest(status, externalError), ct);
        return Ensure(response, "messages/update");
    }

    /// <summary>Sets the status and returns the one Chatwoot reports.</summary>
    public async Task<string?> SetStatusAsync(int conversationId, string status, CancellationToken ct = default)
    {
        using var response = await api.ToggleStatusAsync(Account, conversationId, new ChatwootToggleStatusRequest(status), ct);
        return Ensure(response, "toggle_status").Payload?.CurrentStatus;
    }

    /// <summary>Assigns the team (the configured one by default); false when Chatwoot does not know it.</summary>
    public async Task<bool> AssignTeamAsync(int conversationId, int? teamId = null, CancellationToken ct = default)
    {
        var team = teamId ?? options.Value.TeamId ?? throw new InvalidOperationException("Chatwoot:TeamId is not configured.");
        using var response = await api.AssignAsync(Account, conversationId, new ChatwootAssignmentRequest { TeamId = team }, ct);
        return Ensure(response, "assignments") is { ValueKind: JsonValueKind.Object };
    }

    /// <summary>Assigns an agent; false when Chatwoot does not know the agent.</summary>
    public async Task<bool> AssignAgentAsync(int conversationId, int agentId, CancellationToken ct = default)
    {
        using var response = await api.AssignAsync(Account, conversationId, new ChatwootAssignmentRequest { AssigneeId = agentId }, ct);
        return Ensure(response, "assignments") is { ValueKind: JsonValueKind.Object };
    }

    public async Task<IReadOnlyList<string>> GetLabelsAsync(int conversationId, CancellationToken ct = default)
    {
        using var response = await api.GetLabelsAsync(Account, conversationId, ct);
        return Ensure(response, "labels/index").Payload ?? [];
    }

    /// <summary>Replaces the label list (Chatwoot semantics).</summary>
    public async Task<IReadOnlyList<string>> SetLabelsAsync(int conversationId, IEnumerable<string> labels, CancellationToken ct = default)
    {
        using var response = await api.SetLabelsAsync(Account, conversationId, new ChatwootLabelsRequest(labels.Distinct().ToList()), ct);
        return Ensure(response, "labels/create").Payload ?? [];
    }

    /// <summary>Adds labels to those already there (read, merge, replace), the configured ones by default.</summary>
    public async Task<IReadOnlyList<string>> AddLabelsAsync(int conversationId, IEnumerable<string>? labels = null, CancellationToken ct = default)
    {
        var current = await GetLabelsAsync(conversationId, ct);
        var wanted = (labels ?? options.Value.Labels).ToList();
        return wanted.All(current.Contains) ? current : await SetLabelsAsync(conversationId, current.Concat(wanted), ct);
    }

    /// <summary>Replaces the conversation's custom attributes.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> SetCustomAttributesAsync(
        int conversationId, IReadOnlyDictionary<string, object?> attributes, CancellationToken ct = default)
    {
        using var response = await api.SetCustomAttributesAsync(
            Account, conversationId, new ChatwootCustomAttributesRequest(attributes), ct);
        return Ensure(response, "custom_attributes").CustomAttributes ?? [];
    }

    private async Task<ChatwootContact?> FindContactAsync(
        string attribute, string value, Func<ChatwootContact, bool> exact, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var filter = new ChatwootFilterRequest([new ChatwootFilter(attribute, "equal_to", [value])]);
        using var response = await api.FilterContactsAsync(Account, filter, 1, ct);
        return (Ensure(response, "contacts/filter").Payload ?? []).FirstOrDefault(exact);
    }

    private static string Digits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());

    private static T Ensure<T>(IApiResponse<T> response, string route)
    {
        if (response.HasRequestError(out var requestError))
        {
            throw new UpstreamException(Api, $"{route} got no answer: {requestError.InnerException?.GetType().Name}",
                statusCode: null, isTransient: true, inner: requestError);
        }

        if (response.IsSuccessStatusCode)
        {
            // Assignments may legitimately answer a JSON null; every other route answers an object.
            return response.Content ?? (typeof(T) == typeof(JsonElement?) ? default! : throw new UpstreamException(
                Api, $"{route} answered HTTP {(int?)response.StatusCode} with an unreadable body", response.StatusCode, false,
                inner: response.Error));
        }

        var status = response.StatusCode ?? HttpStatusCode.InternalServerError;
        var detail = ErrorText(ReadError(response)) ?? (response.HasResponseError(out var e) ? Shorten(e.Content) : null);
        throw new UpstreamException(Api, $"{route} failed with HTTP {(int)status}{(detail is null ? "" : ": " + detail)}",
            status, UpstreamException.IsTransientStatus(status), RetryAfterReader.Read(response.Headers));
    }

    private static ChatwootError? ReadError(IApiResponse response)
    {
        if (!response.HasResponseError(out var error) || string.IsNullOrWhiteSpace(error.Content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ChatwootError>(error.Content, ChatwootJson.Options);
        }
        catch (JsonException)
        {
            // 429 answers plain text "Retry later".
            return null;
        }
    }

    private static string? ErrorText(ChatwootError? error) =>
        error?.Message ?? (error?.Error is { ValueKind: JsonValueKind.String } e ? e.GetString() : null);

    private static string? Shorten(string? text) => text is null ? null : text.Trim() is { Length: > 200 } t ? t[..200] : text.Trim();
}
