namespace Onboarding.Bridge.Inbound.CatchUp;

/// <summary>
/// Closed while a catch-up runs because WhatsApp has just reconnected: what was written during the gap must reach the
/// ledger before newer messages are mirrored, or Chatwoot would show them out of order.
/// </summary>
public sealed class CatchUpGate
{
    private int _closed;

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    public IDisposable Close()
    {
        Interlocked.Increment(ref _closed);
        return new Opener(this);
    }

    private sealed class Opener(CatchUpGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._closed);
            }
        }
    }
}
