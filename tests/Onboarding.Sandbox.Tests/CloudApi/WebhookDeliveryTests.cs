using System.Text.Json.Nodes;
using Onboarding.Sandbox.CloudApi;
using Onboarding.Tests.Shared;

namespace Onboarding.Sandbox.Tests.CloudApi;

public sealed class WebhookDeliveryTests : CloudApiTestBase
{
    [Fact]
    public async Task A_driver_text_arrives_in_the_documented_envelope_signed_with_the_app_secret()
    {
        await Api.Phone(Driver, "Maria João").SendTextAsync("Olá, vi o anúncio / quero saber mais");

        var (raw, signature) = Callback.Posts.Single();
        // Checked as a receiver checks it: HMAC-SHA256 of the raw bytes with the app secret, in lowercase hex.
        var expected = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Api.AppSecret), System.Text.Encoding.UTF8.GetBytes(raw));
        signature.ShouldBe("sha256=" + Convert.ToHexStringLower(expected));
        signature.ShouldNotBe(FakeCloudApi.Signature("another-secret", raw));
        signature!.ShouldMatch("^sha256=[0-9a-f]{64}$");
        // Meta escapes slashes and non-ASCII characters: the signature holds over these raw bytes only.
        raw.ShouldContain("\\/");
        raw.ShouldContain("Jo\\u00E3o", Case.Insensitive);

        var envelope = JsonNode.Parse(raw)!;
        envelope["object"]!.GetValue<string>().ShouldBe("whatsapp_business_account");
        envelope["entry"]![0]!["changes"]![0]!["field"]!.GetValue<string>().ShouldBe("messages");
        var value = Callback.Values.Single();
        value["metadata"]!["phone_number_id"]!.GetValue<string>().ShouldBe(Api.PhoneNumberId);
        value["contacts"]![0]!["profile"]!["name"]!.GetValue<string>().ShouldBe("Maria João");
        value["contacts"]![0]!["wa_id"]!.GetValue<string>().ShouldBe(Driver);
        var message = value["messages"]![0]!;
        message["from"]!.GetValue<string>().ShouldBe(Driver);
        message["type"]!.GetValue<string>().ShouldBe("text");
        message["text"]!["body"]!.GetValue<string>().ShouldBe("Olá, vi o anúncio / quero saber mais");
        message["timestamp"]!.GetValue<string>().ShouldMatch("^[0-9]{10}$");
    }

    [Fact]
    public async Task Media_location_and_contact_messages_carry_their_documented_fields()
    {
        var phone = Api.Phone(Driver, "Maria");
        await phone.SendImageAsync([1, 2, 3], caption: "a minha carta");
        await phone.SendVoiceNoteAsync([4, 5]);
        await phone.SendDocumentAsync("%PDF"u8.ToArray(), "cc.pdf");
        await phone.SendLocationAsync(38.72, -9.14, "Casa", "Rua Augusta");
        await phone.SendContactAsync("Rui Silva", "+351 912 000 111");
        await phone.SendUnsupportedAsync();

        var messages = Callback.Values.Select(v => v["messages"]![0]!).ToList();
        messages.Select(m => m["type"]!.GetValue<string>()).ShouldBe(["image", "audio", "document", "location", "contacts", "unsupported"]);
        messages[5]["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(131051);
        messages[0]["image"]!["caption"]!.GetValue<string>().ShouldBe("a minha carta");
        messages[0]["image"]!["mime_type"]!.GetValue<string>().ShouldBe("image/jpeg");
        messages[0]["image"]!["id"]!.GetValue<string>().ShouldMatch("^[0-9]+$");
        messages[1]["audio"]!["mime_type"]!.GetValue<string>().ShouldBe("audio/ogg; codecs=opus");
        messages[1]["audio"]!["voice"]!.GetValue<bool>().ShouldBeTrue();
        messages[2]["document"]!["filename"]!.GetValue<string>().ShouldBe("cc.pdf");
        messages[2]["document"]!["mime_type"]!.GetValue<string>().ShouldBe("application/pdf");
        messages[3]["location"]!["latitude"]!.GetValue<double>().ShouldBe(38.72);
        messages[3]["location"]!["address"]!.GetValue<string>().ShouldBe("Rua Augusta");
        messages[4]["contacts"]![0]!["phones"]![0]!["wa_id"]!.GetValue<string>().ShouldBe("351912000111");
    }

    [Fact]
    public async Task Tapping_a_button_or_a_list_row_sends_the_reply_in_the_context_of_the_message()
    {
        await OpenWindowAsync();
        var (_, buttons) = await PostMessageAsync(Message("interactive", MessageSendTests.Buttons("Sim", "Não")));
        var (_, list) = await PostMessageAsync(Message("interactive", MessageSendTests.List(3, description: "norte")));
        await StatusAsync(Wamid(list), "delivered");

        await Api.Phone(Driver).TapButtonAsync(Wamid(buttons), "b1");
        await Api.Phone(Driver).PickRowAsync(Wamid(list), "r2");

        var replies = Callback.Values.Where(v => v["messages"] is not null).Skip(1).Select(v => v["messages"]![0]!).ToList();
        replies[0]["type"]!.GetValue<string>().ShouldBe("interactive");
        replies[0]["interactive"]!["type"]!.GetValue<string>().ShouldBe("button_reply");
        replies[0]["interactive"]!["button_reply"]!["id"]!.GetValue<string>().ShouldBe("b1");
        replies[0]["interactive"]!["button_reply"]!["title"]!.GetValue<string>().ShouldBe("Não");
        replies[0]["context"]!["id"]!.GetValue<string>().ShouldBe(Wamid(buttons));
        replies[1]["interactive"]!["type"]!.GetValue<string>().ShouldBe("list_reply");
        replies[1]["interactive"]!["list_reply"]!["id"]!.GetValue<string>().ShouldBe("r2");
        replies[1]["interactive"]!["list_reply"]!["title"]!.GetValue<string>().ShouldBe("Distrito 2");
        replies[1]["interactive"]!["list_reply"]!["description"]!.GetValue<string>().ShouldBe("norte");
        Should.Throw<ArgumentException>(() => Api.Phone(Driver).TapButtonAsync(Wamid(buttons), "b9"));
    }

    [Fact]
    public async Task A_webhook_answered_with_errors_is_retried_with_the_same_signed_body_until_200()
    {
        Callback.Answers.Enqueue(500);
        Callback.Answers.Enqueue(503);

        var (_, first) = await Api.Phone(Driver, "Maria").SendTextAsync("olá");

        first!.StatusCode.ShouldBe(500);
        await Eventually.TrueAsync(() => Callback.Posts.Count == 3, "two retries after 500 and 503");
        Callback.Posts.Select(p => p.Body).Distinct().Count().ShouldBe(1);
        Callback.Posts.Select(p => p.Signature).Distinct().Count().ShouldBe(1);
        Api.Webhooks.Select(w => w.StatusCode).ShouldBe([500, 503, 200]);
        // Each retry waits at least its step of the growing schedule (50, then 100 ms here): "decreasing frequency".
        (Api.Webhooks[1].At - Api.Webhooks[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45));
        (Api.Webhooks[2].At - Api.Webhooks[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95));
    }

    [Fact]
    public async Task The_verification_handshake_passes_only_with_the_verify_token()
    {
        (await Api.VerifyCallbackAsync("verify-me", Ct)).ShouldBeTrue();
        (await Api.VerifyCallbackAsync("wrong", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_driver_reading_our_message_sends_a_read_status()
    {
        await OpenWindowAsync();
        var (_, body) = await PostMessageAsync(Text(Driver, "Bem-vinda"));
        await StatusAsync(Wamid(body), "delivered");

        await Api.Phone(Driver).ReadAsync();

        var read = await StatusAsync(Wamid(body), "read");
        read.ContainsKey("pricing").ShouldBeFalse();
        Api.Message(Wamid(body))!.Status.ShouldBe("read");
    }
}

public sealed class RudeWebhookTests : CloudApiTestBase
{
    protected override void Configure(FakeCloudApiOptions options)
    {
        options.DuplicateRate = 1;
        options.StatusJitter = TimeSpan.FromMilliseconds(30);
    }

    [Fact]
    public async Task Every_notification_may_arrive_twice_and_statuses_in_any_order()
    {
        await OpenWindowAsync();
        var (_, body) = await PostMessageAsync(Text(Driver, "olá"));

        await Eventually.TrueAsync(() => Callback.Statuses(Wamid(body)).Count == 4, "sent and delivered, each twice");
        Callback.Statuses(Wamid(body)).GroupBy(s => (string?)s["status"]).ShouldAllBe(g => g.Count() == 2);
        await Eventually.TrueAsync(() => Callback.Values.Count(v => v["messages"] is not null) == 2, "the driver's message twice");
    }
}
