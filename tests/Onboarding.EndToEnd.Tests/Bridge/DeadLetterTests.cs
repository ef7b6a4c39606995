using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>A send WhatsApp keeps refusing ends as a dead letter the agents see, and a retry that works is noted.</summary>
[Collection(BridgeCollection.Name)]
public sealed class DeadLetterTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_send_failing_past_the_budget_is_a_dead_letter_with_a_note_and_failed_status_and_its_retry_is_noted()
    {
        var (e164, phone, reply) = await AgentReplyThatFailsAsync("Vamos tratar do seu registo.");
        await Eventually.TrueAsync(async () => await ScalarAsync<int>("SELECT coalesce(max(attempts), 0) FROM outbox WHERE lane = 'whatsapp'") >= 2, "retried");
        phone.Received.ShouldBeEmpty();

        // The retry budget (hours) runs out.
        await ScalarAsync<int>("UPDATE outbox SET created_at = now() - interval '7 hours' WHERE lane = 'whatsapp'");
        await Eventually.TrueAsync(async () => await ScalarAsync<string>("SELECT state FROM outbox WHERE lane = 'whatsapp'") == "dead", "a dead letter");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Any(m => m.Private && m.Content!.Contains("não chegou ao WhatsApp", StringComparison.Ordinal)), "the note");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Single(m => m.Id == reply.Id).Status == "failed", "the agent's message marked failed");

        Bridge.Wpp.FailNextSends(0);
        var id = await ScalarAsync<long>("SELECT id FROM outbox WHERE lane = 'whatsapp'");
        (await Bridge.Services.GetRequiredService<OutboxStore>().RetryDeadAsync(id, TestContext.Current.CancellationToken)).ShouldBeTrue();

        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Vamos tratar do seu registo."), "delivered after the retry");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Any(m => m.Private && m.Content!.Contains("entregue ao WhatsApp", StringComparison.Ordinal)), "the recovery note");
        phone.Received.Count(m => m.Body == "Vamos tratar do seu registo.").ShouldBe(1);
    }

    [Fact]
    public async Task The_dead_letter_note_and_the_recovery_note_are_posted_once_when_chatwoot_loses_the_answers_or_is_down()
    {
        var (e164, phone, reply) = await AgentReplyThatFailsAsync("Envie a carta de condução, por favor.");
        await Eventually.TrueAsync(async () => await ScalarAsync<int>("SELECT coalesce(max(attempts), 0) FROM outbox WHERE lane = 'whatsapp'") >= 1, "tried");

        // Chatwoot stores the note and the answer is lost: the Chatwoot lane tries again and finds the note it made.
        var injected = Bridge.Chatwoot.Faults.Injected;
        Bridge.Chatwoot.Faults.PathFilter = "/messages";
        Bridge.Chatwoot.Faults.LoseNextAnswers(1);
        await ScalarAsync<int>("UPDATE outbox SET created_at = now() - interval '7 hours' WHERE lane = 'whatsapp'");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Single(m => m.Id == reply.Id).Status == "failed", "the agent's message marked failed");
        Bridge.Chatwoot.Faults.Injected.ShouldBe(injected + 1);
        ChatwootMessagesOf(e164).Count(m => m.Private && m.Content!.Contains("não chegou ao WhatsApp", StringComparison.Ordinal)).ShouldBe(1);

        // The retry goes out while Chatwoot is down: the recovery note waits for it, and comes once.
        Bridge.Chatwoot.Faults.Reset();
        Bridge.Chatwoot.Faults.Down = true;
        Bridge.Wpp.FailNextSends(0);
        var id = await ScalarAsync<long>("SELECT id FROM outbox WHERE lane = 'whatsapp'");
        (await Bridge.Services.GetRequiredService<OutboxStore>().RetryDeadAsync(id, TestContext.Current.CancellationToken)).ShouldBeTrue();
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Envie a carta de condução, por favor."), "delivered after the retry");
        // The recovery note waits in the chat's Chatwoot lane (behind the delivery receipt), retried while Chatwoot is down.
        await Eventually.TrueAsync(async () => await ScalarAsync<int>("SELECT count(*) FROM outbox WHERE dedupe_key = @key AND state = 'pending'", new { key = $"note:recovered:{id}" }) == 1
            && await ScalarAsync<int>("SELECT coalesce(max(attempts), 0) FROM outbox WHERE lane = 'chatwoot' AND state = 'pending'") >= 2,
            "the recovery note waiting while Chatwoot is down");
        Bridge.Chatwoot.Faults.Down = false;

        await Eventually.TrueAsync(async () => await ScalarAsync<string>("SELECT state FROM outbox WHERE dedupe_key = @key", new { key = $"note:recovered:{id}" }) == "sent", "the recovery note posted");
        ChatwootMessagesOf(e164).Count(m => m.Private && m.Content!.Contains("entregue ao WhatsApp", StringComparison.Ordinal)).ShouldBe(1);
        ChatwootMessagesOf(e164).Count(m => m.Private && m.Content!.Contains("não chegou ao WhatsApp", StringComparison.Ordinal)).ShouldBe(1);
        (await QueryAsync<string>("SELECT split_part(dedupe_key, ':', 1) || ':' || split_part(dedupe_key, ':', 2) FROM outbox WHERE lane = 'chatwoot' AND dedupe_key NOT LIKE 'ack:%' ORDER BY id"))
            .ShouldBe(["note:dead", $"failed:{id}", "note:recovered"]);
    }

    /// <summary>A driver's chat mirrored to Chatwoot, and an agent's reply that WPPConnect refuses (201 with a failure inside) every time.</summary>
    private async Task<(string E164, SimulatedPhone Phone, CwMessage Reply)> AgentReplyThatFailsAsync(string text)
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Vera");
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        Bridge.Wpp.FailNextSends(10_000);
        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(ConversationOf(e164)!.Id, text);
        return (e164, phone, reply);
    }
}
