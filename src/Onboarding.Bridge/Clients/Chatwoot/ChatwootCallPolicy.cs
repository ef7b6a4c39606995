using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.Chatwoot;

/// <summary>
/// Which Chatwoot calls may be repeated. Creating a contact, a conversation or a message is not (a repeat is a
/// duplicate, or a 422 at best); the contact-inbox create is find-or-create, and status, assignments, labels,
/// custom attributes and message status set a value, so repeating them changes nothing.
/// </summary>
public sealed class ChatwootCallPolicy : IUpstreamCallPolicy
{
    private static readonly string[] IdempotentPostSuffixes =
        ["/contacts/filter", "/contact_inboxes", "/toggle_status", "/assignments", "/labels", "/custom_attributes"];

    public bool IsRetrySafe(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Patch)
        {
            // PATCH here is only the message status update, which sets a value.
            return true;
        }

        var path = request.RequestUri?.AbsolutePath ?? "";
        return request.Method == HttpMethod.Post
            && IdempotentPostSuffixes.Any(s => path.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>Message creates may carry attachments of several megabytes.</summary>
    public bool IsSlow(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post
        && (request.RequestUri?.AbsolutePath ?? "").EndsWith("/messages", StringComparison.Ordinal);
}
