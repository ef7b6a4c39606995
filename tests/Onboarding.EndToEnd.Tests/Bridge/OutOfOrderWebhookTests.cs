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
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");

        var photo = phone.SendMediaAsync("image", Jpeg, "image/jpeg", caption: "primeiro");
        var text = phone.SendTextAsync("segundo");
        await Task.WhenAll(photo, text);
        var deliveries = Bridge.Wpp.Webhooks.Where(w => w.Body.Contains(phone.ChatId, StringComparison.Ordinal)).ToList();
        deliveries.Select(d => d.Body.Contains("\"segundo\"", StringComparison.Ordinal)).First().ShouldBeTrue("the text's webhook arrived first");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 2, "both in Chatwoot");
        ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(["primeiro", "segundo"]);
    }
}
