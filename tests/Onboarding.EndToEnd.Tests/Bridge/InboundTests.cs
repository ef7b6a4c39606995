using System.Net;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

[Collection(BridgeCollection.Name)]
public sealed class InboundTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_drivers_messages_reach_chatwoot_once_and_in_order()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Maria");
        for (var i = 1; i <= 5; i++)
        {
            await phone.SendTextAsync($"mensagem {i}");
        }

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 5, "five messages in Chatwoot");
        var messages = ChatwootMessagesOf(e164);
        messages.Select(m => m.Content).ShouldBe(["mensagem 1", "mensagem 2", "mensagem 3", "mensagem 4", "mensagem 5"]);
        messages.ShouldAllBe(m => m.MessageType == "incoming" && m.SourceId!.StartsWith("wa:"));
        var contact = Bridge.Chatwoot.Contacts.Single(c => c.PhoneNumber == e164);
        contact.Name.ShouldBe("Maria");
        // The row is marked done just after Chatwoot answered the post: wait for it rather than race it.
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") == 5, "five rows done");
    }

    [Fact]
    public async Task The_same_webhook_delivered_five_times_gives_one_message()
    {
        var e164 = NewPhone();
        var (_, delivery) = await Bridge.Wpp.Phone(e164).SendTextAsync("Olá, quero ser estafeta");
        delivery.ShouldNotBeNull();

        for (var i = 0; i < 4; i++)
        {
            using var replay = await PostJsonAsync(delivery.Url, delivery.Body);
            replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 1, "the message in Chatwoot");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'pending'") == 0, "the ledger drained");
        ChatwootMessagesOf(e164).Count.ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages")).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_webhook_token_is_a_404_and_stores_nothing()
    {
        using var response = await PostJsonAsync("/webhooks/wppconnect/not-the-token",
            """{"event":"onmessage","id":"false_351911111111@c.us_X","from":"351911111111@c.us","body":"x","type":"chat"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task A_malformed_webhook_body_is_a_400(string body)
    {
        using var response = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Groups_and_status_broadcasts_are_skipped_not_mirrored()
    {
        foreach (var (chat, id) in new[] { ("120363000000000001@g.us", "false_120363000000000001@g.us_G1_351911111111@c.us"), ("status@broadcast", "false_status@broadcast_S1") })
        {
            var body = $$"""{"event":"onmessage","session":"leguas","id":"{{id}}","from":"{{chat}}","chatId":"{{chat}}","body":"x","type":"chat","t":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}""";
            using var response = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, body);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'skipped'") == 2, "both skipped");
        (await ScalarAsync<string>("SELECT string_agg(skip_reason, ',' ORDER BY skip_reason) FROM inbound_messages")).ShouldBe("broadcast,group");
    }

    [Fact]
    public async Task Chatwoot_down_for_a_while_delays_the_mirror_which_then_arrives_in_order_without_duplicates()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164);
        Bridge.Chatwoot.Faults.Down = true;
        for (var i = 1; i <= 6; i++)
        {
            await phone.SendTextAsync($"durante a falha {i}");
        }

        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT coalesce(max(attempts), 0) FROM inbound_messages") >= 2, "retries while Chatwoot is down");
        ChatwootMessagesOf(e164).ShouldBeEmpty();

        Bridge.Chatwoot.Faults.Down = false;
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 6, "the backlog in Chatwoot", 30);
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(Enumerable.Range(1, 6).Select(i => $"durante a falha {i}"));
        Bridge.Chatwoot.Contacts.Count(c => c.PhoneNumber == e164).ShouldBe(1);
        Bridge.Chatwoot.Conversations.Count(c => c.ContactId == Bridge.Chatwoot.Contacts.Single(x => x.PhoneNumber == e164).Id).ShouldBe(1);
    }

    [Fact]
    public async Task A_replay_after_a_crash_between_posting_and_recording_does_not_post_twice()
    {
        var e164 = NewPhone();
        await Bridge.Wpp.Phone(e164).SendTextAsync("antes da falha");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") == 1, "mirrored");

        // What a crash right after Chatwoot answered leaves behind: the message posted, the row still pending.
        await ScalarAsync<int>("UPDATE inbound_messages SET state = 'pending', attempts = 1, chatwoot_message_id = NULL, next_attempt_at = now()");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") == 1, "replayed");

        ChatwootMessagesOf(e164).Count.ShouldBe(1);
        (await ScalarAsync<long?>("SELECT chatwoot_message_id FROM inbound_messages")).ShouldBe(ChatwootMessagesOf(e164)[0].Id);
    }

    [Fact]
    public async Task A_sender_known_by_lid_lands_on_the_contact_of_its_phone_number()
    {
        var e164 = NewPhone();
        var digits = e164.TrimStart('+');
        var lidPhone = Bridge.Wpp.Phone(e164, "Rui", lid: "2" + digits[^9..] + "12345");
        await lidPhone.SendTextAsync("pelo lid");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the lid message on the phone's contact");

        var fromNumber = $$"""{"event":"onmessage","session":"leguas","id":"false_{{digits}}@c.us_PN1","from":"{{digits}}@c.us","chatId":"{{digits}}@c.us","body":"pelo número","type":"chat","notifyName":"Rui","t":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}""";
        using var response = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, fromNumber);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 2, "both messages in one conversation");
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(["pelo lid", "pelo número"]);
        Bridge.Chatwoot.Contacts.Count(c => c.PhoneNumber == e164).ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM contacts")).ShouldBe(1);
        (await ScalarAsync<string>("SELECT lid FROM contacts")).ShouldBe(lidPhone.ChatId);
    }
}
