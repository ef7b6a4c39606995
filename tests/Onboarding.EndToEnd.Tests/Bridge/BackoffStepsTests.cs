using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// A transient failure walks the backoff steps (100, 200, 400 ms, then the 500 ms ceiling in this fixture): each retry
/// comes no sooner than its step, within the budget; when the budget is spent the row is a dead letter with a note.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class BackoffStepsTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    private static readonly TimeSpan[] Steps = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)];

    // The due time is written by Postgres and the request stamped by the fake: allow for the two clocks' rounding.
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task A_send_failing_transiently_is_retried_after_growing_delays_then_dead_letters_with_a_note()
    {
        var e164 = NewPhone();
        var digits = e164.TrimStart('+');
        var phone = Bridge.Wpp.Phone(e164, "Vera");
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");

        // 201 with ack -1 (wppconnect-server#2517): certainly not sent, worth trying again.
        Bridge.Wpp.FailNextSends(10_000);
        await Bridge.Chatwoot.AgentReplyAsync(ConversationOf(e164)!.Id, "Já recebemos o seu pedido.");
        // Counted where the sends land: the row's attempts go up before its request reaches WPPConnect.
        await Eventually.TrueAsync(() => Sends().Count > Steps.Length, $"{Steps.Length + 1} sends");

        var sends = Sends();
        for (var i = 0; i < Steps.Length; i++)
        {
            (sends[i + 1] - sends[i]).ShouldBeGreaterThanOrEqualTo(Steps[i] - Rounding, $"retry {i + 1} came before its backoff step");
        }

        // The row alternates between 'sending' (a request on its way) and 'pending' with the failure recorded (waiting
        // for its next step): read it in the second state, not at whichever moment the last send landed.
        await Eventually.TrueAsync(async () => await ScalarAsync<bool>(
            "SELECT state = 'pending' AND last_error <> '' FROM outbox WHERE lane = 'whatsapp' AND wa_chat_id LIKE @chat", new { chat = digits + "%" }),
            "the row waiting for its next step with the failure recorded");
        phone.Received.ShouldBeEmpty();

        // The retry budget (hours) runs out: the next attempt gives up, and agents are told.
        await ScalarAsync<int>("UPDATE outbox SET created_at = now() - interval '7 hours' WHERE lane = 'whatsapp' AND wa_chat_id LIKE @chat", new { chat = digits + "%" });
        await Eventually.TrueAsync(async () => await ScalarAsync<string>("SELECT state FROM outbox WHERE lane = 'whatsapp' AND wa_chat_id LIKE @chat", new { chat = digits + "%" }) == "dead", "a dead letter");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Any(m => m.Private && m.Content!.Contains("não chegou ao WhatsApp", StringComparison.Ordinal)), "the note");
        Bridge.Wpp.FailNextSends(0);

        List<DateTimeOffset> Sends() => Bridge.Wpp.Requests
            .Where(r => r.Path.EndsWith("/send-message", StringComparison.Ordinal) && r.Body.Contains(digits, StringComparison.Ordinal))
            .Select(r => r.At).Order().ToList();
    }
}
