namespace Onboarding.Bridge.Tests.Harness;

public static class Eventually
{
    /// <summary>Waits (bounded) for a condition instead of sleeping a fixed time.</summary>
    public static async Task TrueAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(20);
        }
    }
}
