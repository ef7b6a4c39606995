namespace Onboarding.Sandbox.Faults;

/// <summary>
/// Run-time fault injection for a fake, switched from tests: latency, an error rate, counted error / 429 / timeout
/// bursts, a down switch and dropped webhooks. Counted bursts are deterministic; the rate is random.
/// </summary>
public sealed class FaultSwitchboard(FaultResponses responses)
{
    private readonly Lock _gate = new();
    private int _failNext;
    private int _failStatus = 500;
    private int _tooManyNext;
    private TimeSpan? _retryAfter;
    private int _timeoutNext;
    private int _dropWebhooks;
    private int _loseAnswers;
    private CancellationTokenSource _hangs = new();
    private int _injected;

    /// <summary>Added before every request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0–1) of requests answered with <see cref="ErrorStatus"/>.</summary>
    public double ErrorRate { get; set; }

    public int ErrorStatus { get; set; } = 500;

    /// <summary>Every request has its connection dropped without an answer, as a crashed or unreachable server.</summary>
    public bool Down { get; set; }

    /// <summary>Every webhook is silently lost.</summary>
    public bool DropWebhooks { get; set; }

    /// <summary>Only requests whose path contains this text are affected (null: all).</summary>
    public string? PathFilter { get; set; }

    /// <summary>Faults injected so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 500)
    {
        lock (_gate)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>The next <paramref name="count"/> requests get 429, with <c>Retry-After</c> when given.</summary>
    public void TooManyRequests(int count, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _tooManyNext = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>The next <paramref name="count"/> requests hang until the client gives up (or <see cref="Reset"/>).</summary>
    public void TimeoutNext(int count) => Interlocked.Exchange(ref _timeoutNext, count);

    /// <summary>
    /// The next <paramref name="count"/> requests are carried out but their answers are lost (the connection drops), as
    /// when a proxy or the network fails after the server committed: a client cannot tell it from a request never made.
    /// </summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref _loseAnswers, count);

    /// <summary>The next <paramref name="count"/> webhooks are lost.</summary>
    public void DropNextWebhooks(int count) => Interlocked.Exchange(ref _dropWebhooks, count);

    public void Reset()
    {
        lock (_gate)
        {
            _failNext = 0;
            _tooManyNext = 0;
            _retryAfter = null;
            _timeoutNext = 0;
            _dropWebhooks = 0;
            _loseAnswers = 0;
            Latency = TimeSpan.Zero;
            ErrorRate = 0;
            ErrorStatus = 500;
            Down = false;
            DropWebhooks = false;
            PathFilter = null;
            var hangs = _hangs;
            _hangs = new CancellationTokenSource();
            hangs.Cancel();
            hangs.Dispose();
        }
    }

    /// <summary>True when the next webhook must be lost.</summary>
    public bool ShouldDropWebhook()
    {
        if (DropWebhooks)
        {
            return true;
        }

        return TakeOne(ref _dropWebhooks);
    }

    /// <summary>True when this request must be carried out and its answer lost (see <see cref="LoseNextAnswers"/>).</summary>
    public bool ShouldLoseAnswer(HttpContext context)
    {
        if ((PathFilter is { } filter && !context.Request.Path.Value!.Contains(filter, StringComparison.Ordinal)) || !TakeOne(ref _loseAnswers))
        {
            return false;
        }

        Interlocked.Increment(ref _injected);
        return true;
    }

    /// <summary>Applies the switches to a request; true when a fault answered (or dropped) it.</summary>
    public async ValueTask<bool> ApplyAsync(HttpContext context)
    {
        if (PathFilter is { } filter && !context.Request.Path.Value!.Contains(filter, StringComparison.Ordinal))
        {
            return false;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (Down)
        {
            Interlocked.Increment(ref _injected);
            context.Abort();
            return true;
        }

        if (TakeOne(ref _timeoutNext))
        {
            Interlocked.Increment(ref _injected);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _hangs.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the switch was reset: the request simply ends.
            }

            context.Abort();
            return true;
        }

        int? status = null;
        TimeSpan? retryAfter = null;
        lock (_gate)
        {
            if (_tooManyNext > 0)
            {
                _tooManyNext--;
                status = 429;
                retryAfter = _retryAfter;
            }
            else if (_failNext > 0)
            {
                _failNext--;
                status = _failStatus;
            }
        }

        if (status is null && ErrorRate > 0 && Random.Shared.NextDouble() < ErrorRate)
        {
            status = ErrorStatus;
        }

        if (status is not { } code)
        {
            return false;
        }

        Interlocked.Increment(ref _injected);
        context.Response.StatusCode = code;
        if (code == 429)
        {
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(responses.TooManyRequestsBody);
        }
        else
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(responses.ErrorBody(code));
        }

        return true;
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
