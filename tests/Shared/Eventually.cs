namespace Onboarding.Tests.Shared;

/// <summary>Waits (bounded) for a condition instead of sleeping a fixed time; fails naming what it waited for.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = Environment.TickCount64 + seconds * 1000L;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        (await condition()).ShouldBeTrue($"Timed out waiting for: {what}");
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 30) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
