using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// The catch-up against list-chats as WhatsApp Web orders it (pinned chats first, the anchor repeated in after
/// pages), and the reconnection catch-up kept off the webhook request.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class CatchUpOrderTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_pinned_old_chat_listed_first_does_not_hide_the_chats_behind_it_over_several_pages()
    {
        // An old pinned chat heads the list: the catch-up that stopped at the first chat older than its watermark found nothing.
        Bridge.Wpp.PinChat(Bridge.Wpp.Phone(NewPhone(), "Fixado").ChatId);
        var phones = Enumerable.Range(0, 105).Select(_ => Bridge.Wpp.Phone(NewPhone(), "Motorista")).ToList();
        Bridge.Wpp.Faults.DropWebhooks = true;
        foreach (var phone in phones)
        {
            await phone.SendTextAsync($"olá {phone.Digits[^4..]}");
        }

        Bridge.Wpp.Faults.DropWebhooks = false;

        await CatchUpAsync();

        // Another pass (the host's start, a reconnection) may have recorded some of them first: the ledger counts.
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = ANY(@chats)", new { chats = phones.Select(p => p.ChatId).ToArray() }))
            .ShouldBe(105);
        await Eventually.TrueAsync(() => phones.All(p => ChatwootMessagesOf("+" + p.Digits).Count == 1), "every chat in Chatwoot", 90);
        (await CatchUpAsync()).Recorded.ShouldBe(0);
    }

    [Fact]
    public async Task The_in_chat_webhook_is_answered_while_its_catch_up_still_waits_and_mirroring_resumes_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Nuno");
        var reconnect = Bridge.Services.GetRequiredService<ReconnectCatchUp>();
        var gate = Bridge.Services.GetRequiredService<CatchUpGate>();

        // The catch-up's list-chats hangs until the fault is reset: a catch-up inside the request would hold the answer.
        Bridge.Wpp.Faults.PathFilter = "list-chats";
        Bridge.Wpp.Faults.TimeoutNext(1);
        using var answer = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, """{"event":"status-find","session":"leguas","status":"inChat"}""");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        reconnect.Running.IsCompleted.ShouldBeFalse();
        gate.IsOpen.ShouldBeFalse();

        // A message after the reconnection is recorded at once and mirrored only once the gap has been read.
        await phone.SendTextAsync("depois");
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = @chat", new { chat = phone.ChatId })).ShouldBe(1);
        ChatwootMessagesOf(e164).ShouldBeEmpty();

        Bridge.Wpp.Faults.Reset();
        await reconnect.Running.WaitAsync(TimeSpan.FromMinutes(3), ct);
        gate.IsOpen.ShouldBeTrue();
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the message after the reconnection");
    }
}
