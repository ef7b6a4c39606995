using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Onboarding.Sandbox.Faults;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.WppConnect;

/// <summary>
/// An in-process WPPConnect server (wppconnect-server 2.10 contract): one session with tokens, states and a QR,
/// simulated phone users, chats and messages listed as the real routes list them, and webhooks delivered as the real
/// server delivers them (flattened, unsigned, one attempt).
/// </summary>
public sealed partial class FakeWppConnect : IAsyncDisposable
{
    private readonly FakeWppConnectOptions _options;
    private readonly ConcurrentDictionary<string, FakeWppChat> _chats = new();
    private readonly ConcurrentDictionary<string, SimulatedPhone> _phonesByDigits = new();
    private readonly ConcurrentDictionary<string, SimulatedPhone> _phonesByLid = new();
    private readonly ConcurrentDictionary<string, FakeWppMessage> _messagesById = new();
    private readonly ConcurrentQueue<FakeWppMessage> _sent = new();
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly ConcurrentDictionary<string, byte> _unheld = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly WebhookPoster _webhooks = new();
    private readonly RequestLog _requests = new();
    private readonly Random _jitter;
    private LoopbackApp? _app;
    private volatile string _status;
    private volatile bool _processDown;
    private Uri? _sessionWebhook;
    private string? _qrBase64;
    private string? _urlcode;
    private int _failSends;

    private FakeWppConnect(FakeWppConnectOptions options)
    {
        _options = options;
        _jitter = new Random(options.WebhookSeed);
        _status = options.StartConnected ? "CONNECTED" : "CLOSED";
        foreach (var token in options.PreIssuedTokens)
        {
            _tokens[$"{options.Session}:{token}"] = 0;
        }

        Faults = new FaultSwitchboard(new FaultResponses(
            code => new JsonObject { ["status"] = "error", ["message"] = $"Injected fault {code}", ["error"] = new JsonObject() }.ToJsonString(),
            "Too many requests\n"));
    }

    public Uri BaseUrl => _app!.BaseUrl;

    public string Session => _options.Session;

    public string SecretKey => _options.SecretKey;

    public FaultSwitchboard Faults { get; }

    /// <summary><c>CLOSED</c>, <c>INITIALIZING</c>, <c>QRCODE</c> or <c>CONNECTED</c>.</summary>
    public string SessionStatus => _status;

    /// <summary>Where events go: the URL given to start-session, else the global one.</summary>
    public Uri? WebhookUrl => Volatile.Read(ref _sessionWebhook) ?? _options.WebhookUrl;

    /// <summary>Every message sent through the API, in order (failed sends included, with ack -1).</summary>
    public IReadOnlyList<FakeWppMessage> Sent => _sent.ToArray();

    /// <summary>The chats in WhatsApp Web's order (see <see cref="WebOrder"/>).</summary>
    public IReadOnlyList<FakeWppChat> Chats => WebOrder().ToArray();

    public IReadOnlyList<WebhookDelivery> Webhooks => _webhooks.Deliveries;

    public IReadOnlyList<RecordedRequest> Requests => _requests.Requests;

    public IReadOnlyList<(string Method, string Pattern)> Routes => _app!.Routes;

    public static async Task<FakeWppConnect> StartAsync(FakeWppConnectOptions? options = null, CancellationToken ct = default)
    {
        var fake = new FakeWppConnect(options ?? new FakeWppConnectOptions());
        fake._app = await LoopbackApp.StartAsync(fake._options.Port, fake.Map, ct: ct);
        return fake;
    }

    public IReadOnlyList<FakeWppMessage> Messages(string chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat.Messages : [];

    /// <summary>The simulated user with this number (created on first use); <paramref name="lid"/> makes it write from <c>@lid</c>.</summary>
    public SimulatedPhone Phone(string phone, string? pushName = null, string? lid = null, bool lidMappingKnown = true)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var created = _phonesByDigits.GetOrAdd(digits, d => new SimulatedPhone(this, d, pushName, lid, lidMappingKnown));
        if (created.Lid is { } l)
        {
            _phonesByLid.TryAdd(l, created);
        }

        return created;
    }

    /// <summary>A valid token for the session, as <c>generate-token</c> would issue.</summary>
    public string IssueToken()
    {
        var token = "$2b$10$" + RandomText(53, "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789").Replace('/', '_');
        _tokens[$"{_options.Session}:{token}"] = 0;
        return token;
    }

    /// <summary>Pins (or unpins) a chat on the host phone: WhatsApp Web then lists it first, whatever its activity.</summary>
    public void PinChat(string chatId, bool pinned = true) => Chat(chatId, null).Pin = pinned ? Now() : 0;

    /// <summary>
    /// The host phone deletes the chat and WhatsApp Web cannot open it again (wa-js <c>chat.find</c> finds or creates
    /// it; the test says when WhatsApp refuses, the fake does not guess): every send to it answers 500
    /// "Erro ao enviar a mensagem." until <see cref="HoldChat"/>.
    /// </summary>
    public void ForgetChat(string chatId)
    {
        _unheld[chatId] = 0;
        _chats.TryRemove(chatId, out _);
    }

    /// <summary>WhatsApp Web holds the chat again (the driver wrote, or the phone opened it).</summary>
    public void HoldChat(string chatId) => _unheld.TryRemove(chatId, out _);

    /// <summary>Forgets every issued token (as changing SECRET_KEY would): clients must generate a new one.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>The next <paramref name="count"/> sends answer 201 "success" with ack -1 and <c>isSendFailure</c> (wppconnect-server#2517).</summary>
    public void FailNextSends(int count) => Interlocked.Exchange(ref _failSends, count);

    /// <summary>Webhook posts (and the work that makes them) still under way: they go out unawaited, as the real server's do.</summary>
    public int BackgroundWork => _background.Count;

    public async ValueTask DisposeAsync()
    {
        Faults.Reset();
        ReleaseSends();
        await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    internal static string RandomText(int length, string alphabet) =>
        string.Create(length, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[Random.Shared.Next(a.Length)];
            }
        });

    private static string NewMessageKey(bool fromMe) =>
        (fromMe ? "3EB0" : "3A") + RandomText(fromMe ? 16 : 18, "0123456789ABCDEF");

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>
    /// WhatsApp Web's chat list order, which wa-js <c>chat.list()</c> returns as is (wa-js 4.6.0
    /// src/chat/functions/list.ts: <c>ChatStore.getModelsArray().slice()</c>, no sort): pinned chats first (latest pin
    /// first), then the others by last activity, newest first.
    /// </summary>
    private IOrderedEnumerable<FakeWppChat> WebOrder() =>
        _chats.Values.OrderByDescending(c => c.Pin).ThenByDescending(c => c.T).ThenBy(c => c.Id, StringComparer.Ordinal);

    private FakeWppChat Chat(string chatId, string? name) => _chats.GetOrAdd(chatId, id => new FakeWppChat(id, name));

    private SimulatedPhone? FindPhone(string chatId)
    {
        var at = chatId.IndexOf('@', StringComparison.Ordinal);
        var user = chatId[..at];
        return chatId.EndsWith("@lid", StringComparison.Ordinal)
            ? _phonesByLid.GetValueOrDefault(user)
            : _phonesByDigits.GetValueOrDefault(user);
    }

    private void Track(Task task)
    {
        _background[task] = 0;
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }

    private JsonObject MessageJson(FakeWppMessage m, bool widObjects) =>
        WppShapes.Message(m, widObjects, FindPhone(m.ChatId)?.PushName);
}
