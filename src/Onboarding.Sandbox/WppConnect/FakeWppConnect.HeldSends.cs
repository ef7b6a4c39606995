namespace Onboarding.Sandbox.WppConnect;

/// <summary>
/// A test fault, not upstream behaviour: sends are carried out (the message is stored and delivered) but their answers
/// wait until released, so a test can look at the moment between WhatsApp holding a message and the bridge learning
/// its id. Switched in-process or, for a host in another process, over <c>POST /__faults/sends/hold|release</c>.
/// </summary>
public sealed partial class FakeWppConnect
{
    private TaskCompletionSource? _heldSends;

    /// <summary>From now on, send answers wait until <see cref="ReleaseSends"/>.</summary>
    public void HoldSends() =>
        Interlocked.CompareExchange(ref _heldSends, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Answers every held send and stops holding.</summary>
    public void ReleaseSends() => Interlocked.Exchange(ref _heldSends, null)?.TrySetResult();

    private Task HeldSendAsync(HttpContext ctx) =>
        Volatile.Read(ref _heldSends) is { } held ? held.Task.WaitAsync(ctx.RequestAborted) : Task.CompletedTask;

    private void MapHeldSends(WebApplication app)
    {
        app.MapPost("/__faults/sends/hold", () => HoldSends());
        app.MapPost("/__faults/sends/release", () => ReleaseSends());
    }
}
