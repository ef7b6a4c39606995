using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Onboarding.Bridge.Clients.Resilience;

public static class UpstreamResilienceExtensions
{
    /// <summary>
    /// The standard pipeline (rate limiter, total timeout, retry, circuit breaker, attempt timeout) with retries limited
    /// to calls the API's policy marks safe: a retried WhatsApp send or Chatwoot message create is a duplicate.
    /// 429 and 5xx are transient; <c>Retry-After</c> is honoured, otherwise exponential backoff with jitter.
    /// </summary>
    public static IHttpClientBuilder AddUpstreamResilience(
        this IHttpClientBuilder builder,
        IUpstreamCallPolicy policy,
        Func<IServiceProvider, HttpCallOptions> settings)
    {
        builder.AddStandardResilienceHandler().Configure((options, services) =>
        {
            var call = settings(services);
            options.Retry.MaxRetryAttempts = Math.Max(1, call.MaxRetries);
            options.Retry.Delay = call.RetryDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = true;
            options.Retry.ShouldHandle = args => ValueTask.FromResult(
                call.MaxRetries > 0
                && args.Context.GetRequestMessage() is { } request
                && policy.IsRetrySafe(request)
                && HttpClientResiliencePredicates.IsTransient(args.Outcome));

            options.AttemptTimeout.Timeout = call.AttemptTimeout;
            options.AttemptTimeout.TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.GetRequestMessage() is { } request && policy.IsSlow(request)
                    ? call.SlowAttemptTimeout
                    : call.AttemptTimeout);

            var retries = Math.Max(1, call.MaxRetries) + 1;
            options.TotalRequestTimeout.Timeout = call.SlowAttemptTimeout
                + (call.AttemptTimeout * retries) + TimeSpan.FromSeconds(30);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(
                Math.Max(TimeSpan.FromSeconds(30).Ticks, call.SlowAttemptTimeout.Ticks * 2));
        });
        return builder;
    }
}
