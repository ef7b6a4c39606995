using Microsoft.Extensions.Logging.Abstractions;

namespace Onboarding.Sandbox.Typebot.ChatApi;

/// <summary>How to start the Typebot emulator.</summary>
public sealed class TypebotEmulatorOptions
{
    /// <summary>Loopback port; 0 lets the OS choose.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Text replaced in HTTP request blocks (URL, headers, query, body) when a flow is loaded, standing in for the
    /// operator's edits after import, e.g. <c>{"__ONBOARDING_API_KEY__": "dev-key"}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Placeholders { get; init; } = new Dictionary<string, string>();

    /// <summary>Client for the flows' HTTP request blocks; one without a global timeout is created when null.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Handler for the default client (ignored when <see cref="HttpClient"/> is set).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
