using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Session;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>The catch-up poll: what webhooks lose is found, and racing the webhooks it never duplicates.</summary>
[Collection(BridgeCollection.Name)]
public sealed class CatchUpTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task Messages_whose_webhooks_were_lost_are_found_by_the_catch_up_in_order()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rita");
        Bridge.Wpp.Faults.DropWebhooks = true;
        foreach (var text in new[] { "um", "dois", "três" })
        {
            await phone.SendTextAsync(text);
        }

        Bridge.Wpp.Faults.DropWebhooks = false;

        await CatchUpAsync();

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 3, "the lost messages in Chatwoot");
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(["um", "dois", "três"]);
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = @chat AND received_via = 'poll'", new { chat = phone.ChatId })).ShouldBe(3);
        (await CatchUpAsync()).Recorded.ShouldBe(0);
    }

    [Fact]
    public async Task Messages_written_during_a_wppconnect_restart_keep_their_place_before_those_written_after_it()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Nuno");
        await phone.SendTextAsync("antes");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message");

        // Written while the restarted server initialises: stored on WhatsApp, no webhook.
        Bridge.Wpp.StopProcess();
        Bridge.Wpp.StartProcess();
        await phone.SendTextAsync("durante 1");
        await phone.SendTextAsync("durante 2");
        await Bridge.Wpp.ReconnectAsync();
        // The reconnection's catch-up runs in the background (the webhook is answered at once), so "depois" may reach
        // the ledger before the gap's messages, all within one WhatsApp second: their place in the chat keeps the order.
        await phone.SendTextAsync("depois");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 4, "all four in Chatwoot");
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(["antes", "durante 1", "durante 2", "depois"]);
    }

    [Fact]
    public async Task A_message_with_a_nul_character_does_not_stop_the_catch_up_batch()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rita");
        Bridge.Wpp.Faults.DropWebhooks = true;
        await phone.SendTextAsync("antes");
        await phone.SendTextAsync("com\0nulo");
        await phone.SendTextAsync("depois");
        Bridge.Wpp.Faults.DropWebhooks = false;

        await CatchUpAsync();
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = @chat AND received_via = 'poll'", new { chat = phone.ChatId })).ShouldBe(3);

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 3, "all three in Chatwoot");
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(["antes", "com\uFFFDnulo", "depois"]);
    }

    [Fact]
    public async Task Webhooks_and_the_catch_up_racing_on_500_messages_give_exactly_500_chatwoot_messages_in_order()
    {
        const int chats = 10;
        const int perChat = 50;
        var phones = Enumerable.Range(0, chats).Select(_ => Bridge.Wpp.Phone(NewPhone(), "Motorista")).ToList();
        var sent = phones.ToDictionary(p => p.ChatId, _ => new List<string>());

        // WhatsApp receives everything while the webhooks are held back; then both paths bring the same 500 at once.
        Bridge.Wpp.Faults.DropWebhooks = true;
        for (var i = 0; i < perChat; i++)
        {
            foreach (var phone in phones)
            {
                var text = $"{phone.Digits[^4..]} mensagem {i:D2}";
                await phone.SendTextAsync(text);
                sent[phone.ChatId].Add(text);
            }
        }

        Bridge.Wpp.Faults.DropWebhooks = false;
        var held = Bridge.Wpp.Webhooks.Where(d => d.Event == "onmessage" && d.StatusCode is null && sent.Keys.Any(c => d.Body.Contains(c, StringComparison.Ordinal))).ToList();
        held.Count.ShouldBe(chats * perChat);

        var webhooks = Task.WhenAll(held.GroupBy(d => sent.Keys.First(c => d.Body.Contains(c, StringComparison.Ordinal))).Select(async chat =>
        {
            foreach (var delivery in chat)
            {
                using var response = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, delivery.Body);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }));
        var polls = 0;
        while (!webhooks.IsCompleted || polls == 0)
        {
            await CatchUpAsync();
            polls++;
        }

        await webhooks;
        await CatchUpAsync();

        await Eventually.TrueAsync(() => phones.All(p => ChatwootMessagesOf("+" + p.Digits).Count >= perChat),
            "all 500 in Chatwoot", 90);
        foreach (var phone in phones)
        {
            ChatwootMessagesOf("+" + phone.Digits).Select(m => m.Content).ShouldBe(sent[phone.ChatId]);
        }

        var vias = (await QueryAsync<(string Via, long Count)>(
            "SELECT received_via, count(*) FROM inbound_messages WHERE wa_chat_id = ANY(@chats) GROUP BY received_via", new { chats = sent.Keys.ToArray() }))
            .ToDictionary(r => r.Via, r => r.Count);
        vias.Values.Sum().ShouldBe(chats * perChat);
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"race: {polls} catch-up passes; ledger rows by path: webhook {vias.GetValueOrDefault("webhook")}, poll {vias.GetValueOrDefault("poll")}; Chatwoot messages {phones.Sum(p => ChatwootMessagesOf("+" + p.Digits).Count)}");
    }

    [Fact]
    public async Task Messages_written_while_wppconnect_restarts_arrive_once_it_is_connected_again()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Nuno");
        var health = Bridge.Services.GetRequiredService<SessionHealth>();
        (await health.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(SessionHealth.Connected);

        // Down, then initialising: checked while initialising, the answer comes at once (no retries).
        Bridge.Wpp.StopProcess();
        Bridge.Wpp.StartProcess();
        (await health.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldNotBe(SessionHealth.Connected);
        await phone.SendTextAsync("durante o reinício");
        await Bridge.Wpp.ReconnectAsync();

        (await health.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(SessionHealth.Connected);

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the message written during the restart");
        ChatwootMessagesOf(e164)[0].Content.ShouldBe("durante o reinício");
    }
}
