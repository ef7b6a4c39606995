using System.Collections.Concurrent;
using Onboarding.Sandbox.Faults;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// An in-process WhatsApp Business Cloud API (Meta's Graph API): the messages, media and upload routes of one phone
/// number under <c>/{version}/</c>, a bearer token, the 24-hour customer-service window, approved templates, the
/// interactive messages' limits, and webhooks signed with the app secret and delivered at least once, retried until
/// the callback answers 200. Simulated users (<see cref="CloudPhone"/>) write, tap buttons and read.
/// </summary>
public sealed partial class FakeCloudApi : IAsyncDisposable
{
    private readonly FakeCloudApiOptions _options;
    private readonly ConcurrentDictionary<string, CloudChat> _chats = new();
    private readonly ConcurrentDictionary<string, CloudPhone> _phones = new();
    private readonly ConcurrentDictionary<string, CloudMessage> _messagesById = new();
    private readonly ConcurrentDictionary<string, CloudMedia> _media = new();
    private readonly ConcurrentQueue<CloudMessage> _sent = new();
    private readonly ConcurrentDictionary<string, byte> _undeliverable = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly WebhookPoster _webhooks = new();
    private readonly RequestLog _requests = new();
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackApp? _app;
    private volatile bool _tokenExpired;

    private FakeCloudApi(FakeCloudApiOptions options)
    {
        _options = options;
        _random = new Random(options.WebhookSeed);
        Faults = new FaultSwitchboard(new FaultResponses(
            code => new GraphError(code, code == 503 ? 2 : 131000, code == 503 ? "Service temporarily unavailable" : "Something went wrong").ToResponse().ToJsonString(),
            GraphError.RateLimit().ToResponse().ToJsonString()));
    }

    /// <summary>Root URL with a trailing slash: the <c>GraphApiUrl</c> a client is given (like <c>https://graph.facebook.com/</c>).</summary>
    public Uri BaseUrl => _options.BasePath.Trim('/') is { Length: > 0 } prefix ? new Uri(_app!.BaseUrl, prefix + "/") : _app!.BaseUrl;

    public string GraphApiVersion => _options.GraphApiVersion;

    public string PhoneNumberId => _options.PhoneNumberId;

    public string AccessToken => _options.AccessToken;

    public string AppSecret => _options.AppSecret;

    public TimeProvider Clock => _options.Clock;

    public FaultSwitchboard Faults { get; }

    /// <summary>Every message sent through the API, in order (failed ones included).</summary>
    public IReadOnlyList<CloudMessage> Sent => _sent.ToArray();

    /// <summary>The chats, latest activity first.</summary>
    public IReadOnlyList<CloudChat> Chats =>
        _chats.Values.OrderByDescending(c => c.Last?.At ?? DateTimeOffset.MinValue).ThenBy(c => c.WaId, StringComparer.Ordinal).ToArray();

    /// <summary>Every webhook attempt, retries and duplicates included, in order.</summary>
    public IReadOnlyList<WebhookDelivery> Webhooks => _webhooks.Deliveries;

    public IReadOnlyList<RecordedRequest> Requests => _requests.Requests;

    public IReadOnlyList<(string Method, string Pattern)> Routes => _app!.Routes;

    public static async Task<FakeCloudApi> StartAsync(FakeCloudApiOptions? options = null, CancellationToken ct = default)
    {
        var fake = new FakeCloudApi(options ?? new FakeCloudApiOptions());
        fake._app = await LoopbackApp.StartAsync(fake._options.Port, fake.Map, ct: ct);
        return fake;
    }

    /// <summary>The simulated user with this number (created on first use).</summary>
    public CloudPhone Phone(string phone, string? profileName = null)
    {
        var waId = WaIdOf(phone);
        return _phones.GetOrAdd(waId, id => new CloudPhone(this, id, profileName));
    }

    public IReadOnlyList<CloudMessage> Messages(string waId) =>
        _chats.TryGetValue(WaIdOf(waId), out var chat) ? chat.Messages : [];

    public CloudChat? Chat(string waId) => _chats.GetValueOrDefault(WaIdOf(waId));

    public CloudMessage? Message(string wamid) => _messagesById.GetValueOrDefault(wamid);

    public CloudMedia? Media(string mediaId) => _media.GetValueOrDefault(mediaId);

    /// <summary>Sends to this number fail with 131026 (it has no WhatsApp account).</summary>
    public void MarkUndeliverable(string phone) => _undeliverable[WaIdOf(phone)] = 0;

    /// <summary>The access token expires: every call answers 401, code 190 subcode 463, until <see cref="RenewToken"/>.</summary>
    public void ExpireToken() => _tokenExpired = true;

    public void RenewToken() => _tokenExpired = false;

    public async ValueTask DisposeAsync()
    {
        Faults.Reset();
        await _stopping.CancelAsync();
        await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    internal static string RandomText(int length, string alphabet) =>
        string.Create(length, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[Random.Shared.Next(a.Length)];
            }
        });

    /// <summary>Digits only: the Cloud API accepts <c>to</c> with a plus, spaces or dashes and answers the bare <c>wa_id</c>.</summary>
    internal static string WaIdOf(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// A <c>wamid.</c> id: base64 of an opaque key naming the chat (real ones start <c>wamid.HBgM</c> and carry the
    /// number), so ids of different chats never collide.
    /// </summary>
    internal static string NewWamid(string waId) =>
        "wamid." + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"\u0018\u000c{waId}\u0015\u0002\u0000\u0012\u0018\u0014{RandomText(20, "0123456789ABCDEF")}\u0000"));

    /// <summary>A numeric media id, as the Graph API issues them.</summary>
    internal static string NewMediaId() => "1" + RandomText(15, "0123456789");

    internal DateTimeOffset Now() => _options.Clock.GetUtcNow();

    internal CloudChat ChatOf(string waId) => _chats.GetOrAdd(waId, id => new CloudChat(id));

    internal void Store(CloudMessage message)
    {
        _messagesById[message.Id] = message;
        ChatOf(message.WaId).Add(message);
    }

    internal CloudMedia StoreMedia(byte[] content, string mimeType, string? fileName)
    {
        var media = new CloudMedia(NewMediaId(), content, mimeType, fileName, Now());
        _media[media.Id] = media;
        return media;
    }

    private double NextRandom()
    {
        lock (_randomGate)
        {
            return _random.NextDouble();
        }
    }

    private void Track(Task task)
    {
        _background[task] = 0;
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }
}
