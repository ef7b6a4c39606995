using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// Every WhatsApp kind reaches Chatwoot once, in order, as a file with its type, MIME and name, or as text naming it.
/// The fake posts auto-downloaded bodies and answers get-media-by-message "Message not found", as WPPConnect 2.10.4 does.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class MessageKindTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    private static readonly byte[] Opus = [.. "OggS"u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 3))];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7))];
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 13))];

    [Fact]
    public async Task A_voice_note_a_photo_and_a_pdf_whose_bytes_come_only_in_the_webhook_are_attached_once_and_in_order()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");
        await phone.SendMediaAsync("ptt", Opus, "audio/ogg; codecs=opus");
        await phone.SendMediaAsync("image", Jpeg, "image/jpeg", caption: "a carta");
        await phone.SendMediaAsync("document", Pdf, "application/pdf", "contrato.pdf");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 3, "three files in Chatwoot", seconds: 5);
        var messages = ChatwootMessagesOf(e164);
        messages.Count.ShouldBe(3);
        messages.Select(m => m.Attachments.Single().ContentType).ShouldBe(["audio/ogg; codecs=opus", "image/jpeg", "application/pdf"]);
        messages.Select(m => m.Attachments.Single().FileName).ShouldBe(["nota-de-voz.ogg", "imagem.jpg", "contrato.pdf"]);
        messages[0].Attachments[0].Content.ShouldBe(Opus);
        messages[1].Content.ShouldBe("a carta");
        messages[2].Attachments[0].Content.ShouldBe(Pdf);
    }

    [Fact]
    public async Task Kinds_without_a_file_become_text_and_reactions_and_deletions_become_notes_naming_the_message()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");
        phone.NotifyNameEmpty = true;
        var (first, _) = await phone.SendTextAsync("O meu NIF é 123456780");
        await phone.SendLocationAsync(38.72, -9.14, "Lisboa");
        await phone.SendContactCardAsync("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lopes\nTEL;type=CELL:+351 912 000 111\nEND:VCARD");
        await phone.SendPollAsync("Turno?", "Manhã", "Tarde");
        await phone.SendOfTypeAsync("interactive");
        await phone.ReactAsync(first.Id, "👍");
        await phone.RevokeAsync(first.Id);

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= 7, "seven messages in Chatwoot");
        var texts = ChatwootMessagesOf(e164).Select(m => m.Content).ToList();
        texts.Count.ShouldBe(7);
        texts[1].ShouldStartWith("📍 Localização: Lisboa");
        texts[2].ShouldBe("👤 Cartão de contacto: Ana Lopes — +351 912 000 111");
        texts[3].ShouldBe("📊 Sondagem: Turno?\n• Manhã\n• Tarde");
        texts[4].ShouldBe("Mensagem não suportada: interactive");
        texts[5].ShouldBe("👍 O condutor reagiu com 👍 à mensagem «O meu NIF é 123456780».");
        texts[6].ShouldBe("🗑️ O condutor apagou a mensagem «O meu NIF é 123456780».");
        ConversationOf(e164)!.ShouldNotBeNull();
        Bridge.Chatwoot.Contacts.Single(c => c.PhoneNumber == e164).Name.ShouldBe("Rui");
    }
}
