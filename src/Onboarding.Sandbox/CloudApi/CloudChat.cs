namespace Onboarding.Sandbox.CloudApi;

/// <summary>One user's conversation with our business number, in arrival order, and its 24-hour window.</summary>
public sealed class CloudChat(string waId)
{
    private readonly List<CloudMessage> _messages = [];
    private readonly Lock _gate = new();

    public string WaId { get; } = waId;

    /// <summary>The pricing conversation's id in status webhooks (<c>conversation.id</c>).</summary>
    public string ConversationId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The user's profile name (<c>contacts[].profile.name</c>).</summary>
    public string? ProfileName { get; set; }

    /// <summary>When the user last wrote: the customer-service window runs 24 hours from it.</summary>
    public DateTimeOffset? LastInboundAt { get; private set; }

    /// <summary>Until when the user sees "typing…" (a typing indicator lasts 25 seconds or until our next message).</summary>
    public DateTimeOffset? TypingUntil { get; set; }

    public IReadOnlyList<CloudMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    public CloudMessage? Last
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages[^1];
            }
        }
    }

    public void Add(CloudMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            if (!message.FromBusiness)
            {
                LastInboundAt = message.At;
            }
            else
            {
                TypingUntil = null;
            }
        }
    }

    /// <summary>
    /// Whether a free-form message may go at <paramref name="now"/>: within 24 hours of the user's last message
    /// (Cloud API, "Customer service windows": "you can send any type of message … within 24 hours"; Chatwoot
    /// checks the same before letting an agent reply outside a template, app/services/conversations/message_window_service.rb).
    /// </summary>
    public bool WindowOpen(DateTimeOffset now) => LastInboundAt is { } last && now - last < TimeSpan.FromHours(24);
}
