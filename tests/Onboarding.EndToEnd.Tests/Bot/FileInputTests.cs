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
}
