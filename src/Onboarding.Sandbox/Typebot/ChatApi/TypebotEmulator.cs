using System.Collections.Concurrent;
using System.Globalization;
using Onboarding.Sandbox.Faults;
using Onboarding.Sandbox.Hosting;
using Onboarding.Sandbox.Typebot.Engine;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>
/// A local stand-in for a Typebot 3.x viewer: runs exported flows behind Typebot's public chat API
/// (<c>POST /api/v1/typebots/{publicId}/startChat</c>, <c>POST /api/v1/sessions/{id}/continueChat</c>).
/// </summary>
public sealed class TypebotEmulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PublishedFlow> _flows = new();
    private readonly TypebotEmulatorOptions _options;
    private readonly HttpClient? _ownedClient;
    private LoopbackApp? _app;

    private TypebotEmulator(TypebotEmulatorOptions options)
    {
        _options = options;
        var client = options.HttpClient;
        if (client is null)
        {
            _ownedClient = options.HttpMessageHandler is null
                ? new HttpClient()
                : new HttpClient(options.HttpMessageHandler, disposeHandler: false);
            _ownedClient.Timeout = Timeout.InfiniteTimeSpan;
            client = _ownedClient;
        }

        Engine = new TypebotEngine(new TypebotEngineOptions
        {
            HttpClient = client,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
            FindFlow = FindFlowById,
        });
    }

    /// <summary>Root URL with a trailing slash, e.g. <c>http://127.0.0.1:49152/</c>; the chat API is under <c>api/v1/</c>.</summary>
    public Uri BaseUrl => _app?.BaseUrl ?? throw new InvalidOperationException("The emulator is not started.");

    /// <summary>Down (connection dropped), latency, error rate and counted failures for the chat API.</summary>
    public FaultSwitchboard Faults { get; } = new(new FaultResponses(
        status => $$"""{"defined":false,"code":"INTERNAL_SERVER_ERROR","status":{{status}},"message":"Internal server error"}""",
        """{"defined":false,"code":"TOO_MANY_REQUESTS","status":429,"message":"Too many requests"}"""));

    public TypebotSessionStore Sessions { get; } = new();

    /// <summary>The in-process engine the chat API wraps.</summary>
    public TypebotEngine Engine { get; }

    public static async Task<TypebotEmulator> StartAsync(TypebotEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new TypebotEmulator(options ?? new TypebotEmulatorOptions());
        emulator._app = await LoopbackApp.StartAsync(
            emulator._options.Port,
            app =>
            {
                app.UseFaults(emulator.Faults);
                ChatApiEndpoints.Map(app, emulator);
            },
            ct: cancellationToken);
        return emulator;
    }

    /// <summary>Publishes (or replaces) a flow under a public id. Sessions already running keep their version.</summary>
    /// <exception cref="FlowFormatException">The JSON is not an importable Typebot 6.x export.</exception>
    public TypebotFlow LoadFlow(string publicId, string json)
    {
        var flow = FlowParser.Parse(json, _options.Placeholders);
        _flows[publicId] = new PublishedFlow(flow, _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        return flow;
    }

    public bool UnloadFlow(string publicId) => _flows.TryRemove(publicId, out _);

    internal PublishedFlow? FindPublished(string publicId) => _flows.TryGetValue(publicId, out var flow) ? flow : null;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Faults.Reset();
        _ownedClient?.Dispose();
    }

    // Typebot links name flows by their id; the emulator also accepts the public id it was loaded under.
    private TypebotFlow? FindFlowById(string id) =>
        FindPublished(id)?.Flow ?? _flows.Values.FirstOrDefault(f => f.Flow.Id == id)?.Flow;
}

/// <summary>A loaded flow and when it was "published".</summary>
internal sealed record PublishedFlow(TypebotFlow Flow, string PublishedAt);
