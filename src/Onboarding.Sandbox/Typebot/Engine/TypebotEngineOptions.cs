using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Typebot.Engine;

/// <summary>What the engine needs from its host.</summary>
public sealed class TypebotEngineOptions
{
    /// <summary>Client for HTTP request blocks; per-request timeouts are applied by the engine.</summary>
    public HttpClient HttpClient { get; init; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Finds another flow of the same workspace for Typebot link blocks (by flow id or public id).</summary>
    public Func<string, TypebotFlow?>? FindFlow { get; init; }

    /// <summary>Used by AB test blocks.</summary>
    public Random Random { get; init; } = Random.Shared;
}
