namespace Onboarding.Bridge.Clients.Resilience;

/// <summary>Timeouts and retry budget of one upstream API (bound from <c>{Section}:Http</c>).</summary>
public sealed class HttpCallOptions
{
    /// <summary>Per-attempt timeout of an ordinary call.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Per-attempt timeout of calls that wait on the far side, such as a WhatsApp send waiting for its ACK.</summary>
    public TimeSpan SlowAttemptTimeout { get; set; } = TimeSpan.FromSeconds(70);

    /// <summary>Retries of reads and idempotent calls; sends and creates are never retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff when the server gives no <c>Retry-After</c>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
