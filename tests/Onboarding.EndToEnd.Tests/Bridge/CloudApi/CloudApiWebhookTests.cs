using System.Net;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge.CloudApi;

[Collection(CloudApiCollection.Name)]
public sealed class CloudApiWebhookTests(CloudApiFixture cloud) : CloudApiContext(cloud)
{
    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_our_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var ok = await Bridge.Http.GetAsync($"/webhooks/cloudapi?hub.mode=subscribe&hub.verify_token={CloudApiFixture.VerifyToken}&hub.challenge=1158201444", ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync(ct)).ShouldBe("1158201444");

        using var wrong = await Bridge.Http.GetAsync("/webhooks/cloudapi?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await wrong.Content.ReadAsStringAsync(ct)).ShouldContain("hub.verify_token");

        using var noMode = await Bridge.Http.GetAsync($"/webhooks/cloudapi?hub.verify_token={CloudApiFixture.VerifyToken}&hub.challenge=1", ct);
        noMode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noMode.Content.ReadAsStringAsync(ct)).ShouldContain("hub.mode");
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_webhook_is_refused_naming_the_header_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var e164 = NewPhone();
        var body = Messages(e164, "Ana", Text(e164, NewWamid(), "Olá"));

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/cloudapi") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        using var missing = await Bridge.Http.SendAsync(unsigned, ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await missing.Content.ReadAsStringAsync(ct)).ShouldContain("X-Hub-Signature-256");

        using var wrong = await Cloud.PostWebhookAsync(body, "sha256=" + new string('0', 64));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Signed with another secret: the signature is over the raw body with our app secret only.
        using var other = await Cloud.PostWebhookAsync(body, Onboarding.Bridge.Inbound.Intake.CloudApiSignature.Sign("another-secret", System.Text.Encoding.UTF8.GetBytes(body)));
        other.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var garbage = await Cloud.PostWebhookAsync(body, "sha256=not-hex");
        garbage.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var malformed = await Cloud.PostWebhookAsync("{\"entry\": [");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync(ct)).ShouldContain("malformed_json");

        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages")).ShouldBe(0);
    }

    [Fact]
    public async Task Every_message_kind_is_recorded_once_and_mirrored_into_chatwoot()
    {
        var e164 = NewPhone();
        var image = "media-img-" + Guid.NewGuid().ToString("N");
        var voice = "media-ogg-" + Guid.NewGuid().ToString("N");
        Cloud.Graph.AddMedia(image, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "image/jpeg");
        Cloud.Graph.AddMedia(voice, [0x4F, 0x67, 0x67, 0x53, 9, 9], "audio/ogg");
        var textId = NewWamid();
        object[] messages =
        [
            Text(e164, textId, "Olá, quero ser estafeta"),
            Message(e164, NewWamid(), "image", new { caption = "A minha carta", mime_type = "image/jpeg", sha256 = "x", id = image }),
            Message(e164, NewWamid(), "audio", new { mime_type = "audio/ogg; codecs=opus", sha256 = "x", id = voice, voice = true }),
            Message(e164, NewWamid(), "video", new { mime_type = "video/mp4", sha256 = "x", id = "media-gone-1" }),
            Message(e164, NewWamid(), "document", new { caption = "NIF", filename = "nif.pdf", mime_type = "application/pdf", sha256 = "x", id = "media-gone-2" }),
            Message(e164, NewWamid(), "sticker", new { mime_type = "image/webp", sha256 = "x", id = "media-gone-3", animated = false }),
            Message(e164, NewWamid(), "location", new { latitude = 38.7223, longitude = -9.1393, name = "Armazém", address = "Lisboa" }),
            Add(Message(e164, NewWamid(), "contacts", null), "contacts", new[] { new { name = new { formatted_name = "Rui Silva", first_name = "Rui" }, phones = new[] { new { phone = "+351 912 000 111", type = "CELL" } } } }),
            Message(e164, NewWamid(), "interactive", new { type = "button_reply", button_reply = new { id = "2", title = "Lisboa" } }),
            Message(e164, NewWamid(), "interactive", new { type = "list_reply", list_reply = new { id = "4", title = "Setúbal", description = "" } }),
            Message(e164, NewWamid(), "button", new { text = "Sim", payload = "Sim" }),
            Message(e164, NewWamid(), "reaction", new { message_id = textId, emoji = "👍" }),
            Add(Message(e164, NewWamid(), "unsupported", null), "errors", new[] { new { code = 131051, title = "Message type unknown" } }),
        ];
        var body = Messages(e164, "Ana Costa", messages);

        using (var first = await Cloud.PostWebhookAsync(body))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Meta redelivers what it thinks was not acknowledged: the same delivery again records nothing.
        using (var again = await Cloud.PostWebhookAsync(body))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("duplicate");
        }

        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE received_via = 'cloudapi'")).ShouldBe(messages.Length);
        (await ScalarAsync<long>("SELECT count(DISTINCT wa_chat_id) FROM inbound_messages")).ShouldBe(1);
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == messages.Length, "every kind in Chatwoot", 60);

        var chatwoot = ChatwootMessagesOf(e164);
        chatwoot[0].Content.ShouldBe("Olá, quero ser estafeta");
        chatwoot[1].Attachments.Single().Content.ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 });
        chatwoot[1].Content.ShouldBe("A minha carta");
        chatwoot[2].Attachments.Single().FileName.ShouldStartWith("nota-de-voz");
        chatwoot[3].Content!.ShouldContain("Vídeo não reencaminhado");
        chatwoot[4].Content!.ShouldContain("Documento não reencaminhado");
        chatwoot[6].Content!.ShouldContain("38.7223,-9.1393");
        chatwoot[7].Content!.ShouldContain("Rui Silva");
        chatwoot[8].Content.ShouldBe("Lisboa");
        chatwoot[9].Content.ShouldBe("Setúbal");
        chatwoot[10].Content.ShouldBe("Sim");
        chatwoot[11].Private.ShouldBeTrue();
        chatwoot[11].Content!.ShouldContain("👍");
        chatwoot[12].Content!.ShouldContain("Message type unknown");
        Cloud.Graph.FileAuthorizations.ShouldAllBe(a => a == "Bearer " + GraphApiStub.AccessToken);
        Cloud.Graph.FileAuthorizations.Count.ShouldBe(2);
        Bridge.Chatwoot.Contacts.Single(c => c.PhoneNumber == e164).Name.ShouldBe("Ana Costa");
    }

    [Fact]
    public async Task A_message_meta_delivers_late_shows_agents_when_it_was_written_and_one_within_metas_retries_is_not_too_old()
    {
        var e164 = NewPhone();
        var now = DateTimeOffset.UtcNow;
        await DeliverAsync(e164, Text(e164, NewWamid(), "Bom dia", now.AddSeconds(-10)));
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the on-time message in Chatwoot", 30);

        // Meta's first delivery of these was lost and retried: written before the message agents already read.
        var retried = now.AddMinutes(-2);
        var days = now.AddDays(-5);
        await DeliverAsync(e164, Text(e164, NewWamid(), "Olá", retried));
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 2, "the retried message in Chatwoot", 30);
        await DeliverAsync(e164, Text(e164, NewWamid(), "Ainda posso?", days));
        await DeliverAsync(e164, Text(e164, NewWamid(), "Mais antiga do que os 7 dias da Meta", now.AddDays(-8)));
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state <> 'pending'") == 4, "all four finished", 30);

        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var local = TimeZoneInfo.ConvertTime(retried, lisbon);
        var sameDay = local.Date == TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, lisbon).Date;
        var chatwoot = ChatwootMessagesOf(e164);
        chatwoot.Select(m => m.Content).ShouldBe([
            "Bom dia",
            (sameDay ? $"[escrita às {local:HH:mm:ss}" : $"[escrita a {local:dd/MM/yyyy} às {local:HH:mm:ss}") + ", chegou depois]\nOlá",
            $"[escrita a {TimeZoneInfo.ConvertTime(days, lisbon):dd/MM/yyyy} às {TimeZoneInfo.ConvertTime(days, lisbon):HH:mm:ss}, chegou depois]\nAinda posso?",
        ]);
        // What the driver wrote, for audits that compare it with what was sent (the bench's MessageAudit).
        chatwoot.Select(m => LateArrival.Strip(m.Content ?? "")).ShouldBe(["Bom dia", "Olá", "Ainda posso?"]);
        (await ScalarAsync<string>("SELECT skip_reason FROM inbound_messages WHERE state = 'skipped'")).ShouldBe("too_old");
    }

    private async Task DeliverAsync(string e164, object message)
    {
        using var response = await Cloud.PostWebhookAsync(Messages(e164, "Ana", message));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, object> Add(Dictionary<string, object> message, string key, object value)
    {
        message[key] = value;
        return message;
    }
}
