using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Faults;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.Chatwoot;

/// <summary>
/// An in-process Chatwoot (4.15 Application API contract) with one account, one API inbox, one agent and one team:
/// contacts, contact inboxes, conversations with their status rules, messages (REST and webhook shapes), labels,
/// assignments, message status, and webhooks signed as Chatwoot signs them (one attempt, 5 s timeout).
/// </summary>
public sealed partial class FakeChatwoot : IAsyncDisposable
{
    public const int AgentId = 1;
    public const string AgentName = "Ana";
    public const int TeamId = 1;
    public const string TeamName = "onboarding";

    private readonly FakeChatwootOptions _options;
    private IReadOnlySet<string> _refused;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, CwContact> _contacts = [];
    private readonly List<CwContactInbox> _contactInboxes = [];
    private readonly Dictionary<int, CwConversation> _conversations = [];
    private readonly Dictionary<int, List<CwMessage>> _messages = [];
    private readonly ConcurrentQueue<CwMessage> _received = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly RackAttackThrottle _throttle;
    private readonly WebhookPoster _webhooks = new();
    private readonly RequestLog _requests = new();
    private LoopbackApp? _app;
    private int _nextContactId;
    private int _nextConversationId;
    private int _nextMessageId;
    private int _nextAttachmentId;

    private FakeChatwoot(FakeChatwootOptions options)
    {
        _options = options;
        _refused = options.RefusedAttachmentTypes;
        _throttle = new RackAttackThrottle(options.RequestsPerPeriod, options.ThrottlePeriod, options.ThrottleRetryAfterHeader);
        Faults = new FaultSwitchboard(new FaultResponses(
            code => new JsonObject { ["status"] = code, ["error"] = code == 500 ? "Internal Server Error" : $"Error {code}" }.ToJsonString(),
            "Retry later\n"));
    }

    public Uri BaseUrl => _app!.BaseUrl;

    public int AccountId => _options.AccountId;

    public int InboxId => _options.InboxId;

    public string ApiToken => _options.ApiToken;

    public string? WebhookSecret => _options.WebhookSecret;

    /// <summary>Switch the inbox's webhook URL at run time (PATCH inboxes/{id} in the real one).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Attach or detach an agent bot at run time.</summary>
    public bool InboxHasAgentBot { get; set; }

    public FaultSwitchboard Faults { get; }

    public IReadOnlyList<WebhookDelivery> Webhooks => _webhooks.Deliveries;

    public IReadOnlyList<RecordedRequest> Requests => _requests.Requests;

    /// <summary>Requests answered 429 by the throttle so far.</summary>
    public int Throttled => _throttle.Refused;

    /// <summary>Forgets the recorded requests (a test counts the calls of one step).</summary>
    public void ClearRequests() => _requests.Clear();

    public IReadOnlyList<(string Method, string Pattern)> Routes => _app!.Routes;

    /// <summary>Every message created through the API, in order (what the bridge mirrored in).</summary>
    /// <summary>Attachment types refused from now on (see <see cref="FakeChatwootOptions.RefusedAttachmentTypes"/>); replaced whole, never edited.</summary>
    public IReadOnlySet<string> RefusedAttachmentTypes
    {
        get => Volatile.Read(ref _refused);
        set => Volatile.Write(ref _refused, value);
    }

    public IReadOnlyList<CwMessage> ReceivedMessages => _received.ToArray();

    public IReadOnlyList<CwContact> Contacts
    {
        get
        {
            lock (_gate)
            {
                return _contacts.Values.OrderBy(c => c.Id).ToArray();
            }
        }
    }

    public IReadOnlyList<CwConversation> Conversations
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Values.OrderBy(c => c.Id).ToArray();
            }
        }
    }

    public static async Task<FakeChatwoot> StartAsync(FakeChatwootOptions? options = null, CancellationToken ct = default)
    {
        var fake = new FakeChatwoot(options ?? new FakeChatwootOptions());
        fake.WebhookUrl = fake._options.WebhookUrl;
        fake.InboxHasAgentBot = fake._options.InboxHasAgentBot;
        fake._app = await LoopbackApp.StartAsync(fake._options.Port, fake.Map, ct: ct);
        return fake;
    }

    /// <summary>The messages of a conversation, in order (activity messages are not kept).</summary>
    public IReadOnlyList<CwMessage> Messages(int conversationId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(conversationId, out var list) ? list.ToArray() : [];
        }
    }

    public CwConversation? Conversation(int conversationId)
    {
        lock (_gate)
        {
            return _conversations.GetValueOrDefault(conversationId);
        }
    }

    /// <summary>Chatwoot's signature: <c>sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>Webhook posts (and the work that makes them) still under way: they go out unawaited, as the real server's do.</summary>
    public int BackgroundWork => _background.Count;

    public async ValueTask DisposeAsync()
    {
        Faults.Reset();
        await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(6)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private void Track(Task task)
    {
        _background[task] = 0;
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }
}
