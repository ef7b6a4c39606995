using System.Text.Json.Nodes;
using Onboarding.Sandbox.Endpoints.Phones;

namespace Onboarding.Sandbox.Tests.CloudApi;

/// <summary>The Sandbox phone view of Cloud API messages: buttons and list rows to tap, failures with their code.</summary>
public sealed class PhoneViewTests : CloudApiTestBase
{
    private static readonly Dictionary<string, string> NoKeys = [];

    [Fact]
    public async Task Buttons_and_list_rows_are_shown_as_choices_and_a_tap_goes_out_as_the_reply_webhook()
    {
        await OpenWindowAsync();
        var (_, buttons) = await PostMessageAsync(Message("interactive", MessageSendTests.Buttons("Sim", "Não")));
        var (_, list) = await PostMessageAsync(Message("interactive", MessageSendTests.List(2, description: "norte")));
        await StatusAsync(Wamid(list), "delivered");

        var shownButtons = PhoneMessage.From(Api.Message(Wamid(buttons))!, NoKeys);
        var shownList = PhoneMessage.From(Api.Message(Wamid(list))!, NoKeys);

        shownButtons.Type.ShouldBe("chat");
        shownButtons.Text.ShouldBe("Tem carta de condução?");
        shownButtons.ChoiceKind.ShouldBe("buttons");
        shownButtons.Choices!.Select(c => (c.Id, c.Title)).ShouldBe([("b0", "Sim"), ("b1", "Não")]);
        shownButtons.Ack.ShouldBe(2);
        shownList.ChoiceKind.ShouldBe("list");
        shownList.ChoicesLabel.ShouldBe("Distritos");
        shownList.Choices!.Select(c => c.Description).ShouldAllBe(d => d == "norte");

        var (reply, _) = await Api.Phone(Driver).TapButtonAsync(Wamid(buttons), shownButtons.Choices![0].Id);
        var shownReply = PhoneMessage.From(reply, NoKeys);
        shownReply.Sender.ShouldBe("driver");
        shownReply.Text.ShouldBe("Sim");
        shownReply.Choices.ShouldBeNull();
        Callback.Values.Last()["messages"]![0]!["interactive"]!["button_reply"]!["id"]!.GetValue<string>().ShouldBe("b0");
    }

    [Fact]
    public async Task A_message_outside_the_window_shows_as_failed_with_its_code()
    {
        var (_, body) = await PostMessageAsync(Text(Driver, "Olá"));
        await StatusAsync(Wamid(body), "failed");

        var shown = PhoneMessage.From(Api.Message(Wamid(body))!, NoKeys);

        shown.Ack.ShouldBe(-1);
        shown.Error.ShouldBe("131047: Re-engagement message");
        SandboxPhone.From(Api.Chat(Driver)!).ChatId.ShouldBe(Driver + "@c.us");
    }

    [Fact]
    public async Task A_voice_note_is_a_ptt_and_a_document_keeps_its_file_name()
    {
        var (voice, _) = await Api.Phone(Driver).SendVoiceNoteAsync([1, 2]);
        var (document, _) = await Api.Phone(Driver).SendDocumentAsync("%PDF"u8.ToArray(), "carta.pdf", caption: "a carta");

        PhoneMessage.From(voice, NoKeys).Type.ShouldBe("ptt");
        var shown = PhoneMessage.From(document, NoKeys);
        shown.FileName.ShouldBe("carta.pdf");
        shown.Text.ShouldBe("a carta");
        Callback.Values.ShouldAllBe(v => v["messages"] is JsonArray);
    }
}
