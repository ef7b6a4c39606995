using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>Files travel both ways as files, not as links or silent drops.</summary>
[Collection(BridgeCollection.Name)]
public sealed class MediaTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))];
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 13))];

    [Fact]
    public async Task A_photo_from_the_driver_reaches_chatwoot_as_an_attachment_with_its_caption()
    {
        var e164 = NewPhone();
        await Bridge.Wpp.Phone(e164, "Rui").SendMediaAsync("image", Jpeg, "image/jpeg", "carta.jpg", "a minha carta");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the photo in Chatwoot");
        var message = ChatwootMessagesOf(e164)[0];
        message.Content.ShouldBe("a minha carta");
        message.Attachments.Count.ShouldBe(1);
        message.Attachments[0].Content.ShouldBe(Jpeg);
        message.Attachments[0].ContentType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task A_document_from_an_agent_reaches_the_driver_as_a_file()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");
        await phone.SendTextAsync("Pode enviar o contrato?");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the question mirrored");

        await Bridge.Chatwoot.AgentReplyAsync(ConversationOf(e164)!.Id, "Segue o contrato.", ("contrato.pdf", "application/pdf", Pdf));

        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Media is not null), "the file on the phone");
        phone.Received.Single(m => m.Media is not null).Media.ShouldBe(Pdf);
        phone.Received.Single(m => m.Media is not null).Filename.ShouldBe("contrato.pdf");
        phone.Received.Count(m => m.Body == "Segue o contrato.").ShouldBe(1);
    }
}
