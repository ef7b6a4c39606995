namespace Onboarding.Sandbox.WppConnect;

/// <summary>A chat and its messages in arrival order.</summary>
public sealed class FakeWppChat(string id, string? name)
{
    private readonly List<FakeWppMessage> _messages = [];
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string? Name { get; set; } = name;

    public long T { get; private set; }

    /// <summary>When the chat was pinned (Unix seconds), 0 when it is not: WhatsApp Web's <c>pin</c>.</summary>
    public long Pin { get; set; }

    public int UnreadCount { get; private set; }

    public FakeWppMessage? Last
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages[^1];
            }
        }
    }

    public IReadOnlyList<FakeWppMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    public void Add(FakeWppMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            T = Math.Max(T, message.T);

            // Sending marks the chat read (wa-js markIsRead defaults to true).
            UnreadCount = message.FromMe ? 0 : UnreadCount + 1;
        }
    }

    public void MarkRead()
    {
        lock (_gate)
        {
            UnreadCount = 0;
        }
    }

    public IReadOnlyList<FakeWppMessage> Unread()
    {
        lock (_gate)
        {
            return _messages.Skip(_messages.Count - UnreadCount).ToArray();
        }
    }
}
