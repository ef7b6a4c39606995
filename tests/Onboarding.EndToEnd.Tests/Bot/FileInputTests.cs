using System.Net;
using Microsoft.Extensions.Options;
using Onboarding.Bridge;
using Onboarding.Bridge.Bot.Media;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>A photo sent while the flow waits on a file input reaches Typebot as a signed, expiring link to our media route.</summary>
[Collection(BotCollection.Name)]
public sealed class FileInputTests(BotFixture bot) : BotContext(bot)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 2048).Select(i => (byte)(i * 31))];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Bot.Typebot.LoadFlow(BotFixture.PublicId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Bot", "Flows", "licence-photo.json")));
    }

    public override async ValueTask DisposeAsync()
    {
        Bot.Typebot.LoadFlow(BotFixture.PublicId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json")));
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_photo_sent_to_a_file_input_reaches_typebot_as_a_signed_link_that_serves_it_and_refuses_tampering()
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Rui");
        (await SayAsync(phone, "Olá")).ShouldBe(["Envie uma foto da sua carta de condução."]);

        var before = phone.Received.Count;
        await phone.SendMediaAsync("image", Jpeg, "image/jpeg", "carta.jpg");
        await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), "the bot's answer to the photo");

        var reply = phone.Received[^1].Body!;
        reply.ShouldStartWith("Recebido: " + new Uri(Bot.HostUrl, "media/"));
        var link = new Uri(reply["Recebido: ".Length..]);
        using (var served = await Bot.Http.GetAsync(link, TestContext.Current.CancellationToken))
        {
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
            served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
            served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            served.Headers.GetValues("Content-Security-Policy").ShouldBe(["sandbox"]);
            served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
            (await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(Jpeg);
        }

        var tampered = new Uri(link.AbsoluteUri.Replace("sig=", "sig=0", StringComparison.Ordinal));
        using (var refused = await Bot.Http.GetAsync(tampered, TestContext.Current.CancellationToken))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // The same file, signed with the host's key, but already expired.
        var waMessageId = Uri.UnescapeDataString(link.AbsolutePath["/media/".Length..]);
        var expired = new MediaLinks(Options.Create(new BridgeOptions
        {
            PublicUrl = Bot.HostUrl,
            MediaSigningKey = "e2e-media-signing-key-0123456789",
            MediaLinkLifetime = TimeSpan.FromSeconds(-5),
        }), TimeProvider.System).Sign(waMessageId);
        using (var late = await Bot.Http.GetAsync(expired, TestContext.Current.CancellationToken))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_file_the_driver_labels_as_a_web_page_is_not_served_and_a_pdf_is_served_as_a_download()
    {
        var html = await SendFileAsync("text/html", "<script>alert(document.cookie)</script>"u8.ToArray(), "carta.html");
        using (var refused = await Bot.Http.GetAsync(html, TestContext.Current.CancellationToken))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
            (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("<script>");
        }

        var pdf = await SendFileAsync("application/pdf", "%PDF-1.4 carta"u8.ToArray(), "carta.pdf");
        using var served = await Bot.Http.GetAsync(pdf, TestContext.Current.CancellationToken);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        served.Headers.GetValues("Content-Security-Policy").ShouldBe(["sandbox"]);
    }

    /// <summary>A new driver answers the file input with this file; returns the link the flow received.</summary>
    private async Task<Uri> SendFileAsync(string mimeType, byte[] content, string name)
    {
        var phone = Bot.Wpp.Phone(NewPhone(), "Rui");
        (await SayAsync(phone, "Olá")).ShouldBe(["Envie uma foto da sua carta de condução."]);
        var before = phone.Received.Count;
        await phone.SendMediaAsync("document", content, mimeType, name);
        await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), "the bot's answer to the file");
        var reply = phone.Received[^1].Body!;
        reply.ShouldStartWith("Recebido: ");
        return new Uri(reply["Recebido: ".Length..]);
    }
}
