using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// WPPConnect posts webhooks without waiting (callWebHook) and decrypts a file before posting its event, so a text
/// written just after a photo reaches us first. Chatwoot must still show them in the order the driver wrote them.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class OutOfOrderWebhookTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 5_000).Select(i => (byte)(i * 7))];

    // Both carry the same WhatsApp second; the text's row is fresh and unplaced, so the processor reads the chat
    // first (OrderPeek, docs/0031): the photo is recorded and both get their chat_position before either is mirrored.
    [Fact]
    public async Task A_text_whose_webhook_overtakes_the_photo_written_before_it_is_mirrored_after_the_photo()
    {
        // A cold bridge answers its first webhooks slowly enough for the photo's to be answered first; warm it, so the
        // fake's timing (the photo's event leaves 50 ms later) decides which event is recorded first.
        var warm = NewPhone();
        await Bridge.Wpp.Phone(warm, "Ana").SendTextAsync("olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(warm).Count >= 1, "the warm-up message in Chatwoot");

        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");

        var photo = phone.SendMediaAsync("image", Jpeg, "image/jpeg", caption: "primeiro");
        var text = phone.SendTextAsync("segundo");
        await Task.WhenAll(photo, text);
        var deliveries = Bridge.Wpp.Webhooks.Where(w => w.Body.Contains(phone.ChatId, StringComparison.Ordinal)).ToList();
        deliveries.Select(d => d.Body.Contains("\"segundo\"", StringComparison.Ordinal)).First().ShouldBeTrue("the text's webhook arrived first");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 2, "both in Chatwoot");
        var messages = ChatwootMessagesOf(e164);
        messages.Select(m => m.Content).ShouldBe(["primeiro", "segundo"]);
        messages[0].Attachments.Single().Content.ShouldBe(Jpeg, "the file, from the webhook's body or get-media-by-message");
    }

    [Fact]
    public async Task A_photo_read_from_the_chat_before_its_webhook_arrives_keeps_the_file_the_webhook_brings()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rita");
        var gate = Bridge.Services.GetRequiredService<CatchUpGate>();

        // Nothing is mirrored while the row waits: the webhook finds it pending, recorded by a read of the chat.
        using (gate.Close())
        {
            Bridge.Wpp.Faults.DropWebhooks = true;
            var (photo, _) = await phone.SendMediaAsync("image", Jpeg, "image/jpeg", caption: "carta");
            Bridge.Wpp.Faults.DropWebhooks = false;
            await CatchUpAsync();
            (await ScalarAsync<string>("SELECT received_via FROM inbound_messages WHERE wa_message_id = @id", new { id = photo.Id })).ShouldBe("poll");

            var webhook = Bridge.Wpp.Webhooks.Single(w => w.Body.Contains(photo.Id, StringComparison.Ordinal));
            using var answer = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, webhook.Body);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);

            (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE wa_chat_id = @chat", new { chat = phone.ChatId })).ShouldBe(1);
            (await ScalarAsync<string>("SELECT payload->>'body' FROM inbound_messages WHERE wa_message_id = @id", new { id = photo.Id }))
                .ShouldBe(Convert.ToBase64String(Jpeg), "the webhook's body replaces the read's");
        }

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 1, "the photo in Chatwoot");
        ChatwootMessagesOf(e164).Single().Attachments.Single().Content.ShouldBe(Jpeg);
    }
}
