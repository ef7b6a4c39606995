namespace Onboarding.Bridge.Drains;

/// <summary>Wakes the bridge pump as soon as a webhook stored work, so the webhook path never waits for a poll.</summary>
public sealed class BridgeSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        // At most one pending wake-up: several webhooks during one pass need only one more pass.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
