using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bridge.Tests.Clients.WppConnect;

public sealed class WppConnectClientTests : IAsyncLifetime
{
    private FakeWppConnect _wpp = null!;
    private WebhookSink _sink = null!;
    private ServiceProvider _services = null!;

    private WppConnectClient Client => _services.GetRequiredService<WppConnectClient>();

    public async ValueTask InitializeAsync()
    {
        _sink = await WebhookSink.StartAsync();
        _wpp = await FakeWppConnect.StartAsync(new FakeWppConnectOptions { WebhookUrl = _sink.Url, MediaByMessageNotFound = false });
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["WppConnect:BaseUrl"] = _wpp.BaseUrl.ToString(),
            ["WppConnect:Session"] = _wpp.Session,
            ["WppConnect:SecretKey"] = _wpp.SecretKey,
            ["WppConnect:WebhookToken"] = "hook-token",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _wpp.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Send_text_goes_out_as_digits_and_reaches_the_phone()
    {
        var phone = _wpp.Phone("+351915211836", "João");

        var result = await Client.SendTextAsync("+351 915 211 836", "Olá João", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(WppSendOutcome.Sent);
        result.MessageId.ShouldStartWith("true_351915211836@c.us_");
        phone.Received.Single().Body.ShouldBe("Olá João");
        var body = JsonDocument.Parse(_wpp.Requests.Last(r => r.RoutePattern.EndsWith("/send-message", StringComparison.Ordinal)).Body).RootElement;
        body.GetProperty("phone").GetString().ShouldBe("351915211836");
        body.GetProperty("isLid").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task List_chats_is_in_whatsapp_web_order_pinned_first_and_an_after_page_starts_with_its_anchor()
    {
        var ct = TestContext.Current.CancellationToken;
        var old = _wpp.Phone("+351915211831");
        var mid = _wpp.Phone("+351915211832");
        var fresh = _wpp.Phone("+351915211833");
        await old.SendTextAsync("1");
        await mid.SendTextAsync("2");
        await fresh.SendTextAsync("3");
        _wpp.PinChat(old.ChatId);

        var all = await Client.ListChatsAsync(ct: ct);
        var after = await Client.ListChatsAsync(new Onboarding.Bridge.Clients.WppConnect.Dtos.WppListChatsRequest { Id = all[1].Id, Count = 2, Direction = "after" }, ct);
        var unknown = await Client.ListChatsAsync(new Onboarding.Bridge.Clients.WppConnect.Dtos.WppListChatsRequest { Id = "351900000000@c.us", Count = 1, Direction = "after" }, ct);

        // Messages in one second tie on t; the pinned chat leads whatever its age (wa-js chat.list: ChatStore order).
        all[0].Id.ShouldBe(old.ChatId);
        all.Select(c => c.Id).ShouldBe([old.ChatId, mid.ChatId, fresh.ChatId], ignoreOrder: true);
        after.Select(c => c.Id).ShouldBe([all[1].Id, all[2].Id]);
        unknown.Select(c => c.Id).ShouldBe([old.ChatId]);
    }

    [Fact]
    public async Task A_201_with_ack_minus_one_is_a_failure()
    {
        var phone = _wpp.Phone("+351915211836");
        _wpp.FailNextSends(1);

        var result = await Client.SendTextAsync(phone.ChatId, "não vai", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(WppSendOutcome.NotSent);
        result.Ack.ShouldBe(-1);
        phone.Received.ShouldBeEmpty();
    }

    /// <summary>500 "Erro ao enviar a mensagem." with wa-js's chat_not_found: nothing went out, retrying cannot help (docs/0025).</summary>
    [Fact]
    public async Task A_send_to_a_chat_whatsapp_web_does_not_hold_is_rejected_and_any_other_500_stays_unknown()
    {
        var phone = _wpp.Phone("+351915211837");
        _wpp.ForgetChat(phone.ChatId);

        var result = await Client.SendTextAsync(phone.ChatId, "não vai", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(WppSendOutcome.Rejected);
        result.Error.ShouldEndWith("(chat_not_found)");
        result.Error!.ShouldNotContain("351915211837");
        phone.Received.ShouldBeEmpty();

        _wpp.HoldChat(phone.ChatId);
        _wpp.Faults.FailNext(1, 500);
        (await Client.SendTextAsync(phone.ChatId, "talvez", TestContext.Current.CancellationToken)).Outcome.ShouldBe(WppSendOutcome.Unknown);
    }

    [Fact]
    public async Task An_unknown_number_is_rejected_without_the_full_number_in_the_error()
    {
        var result = await Client.SendTextAsync("351999888777", "Olá", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(WppSendOutcome.Rejected);
        result.Error!.ShouldNotContain("351999888777");
    }

    [Fact]
    public async Task Media_location_and_contact_card_reach_the_phone()
    {
        var phone = _wpp.Phone("+351915211836");
        var ct = TestContext.Current.CancellationToken;
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

        (await Client.SendImageAsync(phone.ChatId, jpeg, "image/jpeg", "cc.jpg", "Cartão", ct)).Succeeded.ShouldBeTrue();
        (await Client.SendFileAsync(phone.ChatId, "%PDF-1.4"u8.ToArray(), "application/pdf", "contrato.pdf", null, ct)).Succeeded.ShouldBeTrue();
        (await Client.SendLocationAsync(phone.ChatId, 38.72, -9.14, "Armazém", "Rua A", ct)).Succeeded.ShouldBeTrue();
        (await Client.SendContactCardAsync(phone.ChatId, "+351910000000", "Léguas", ct)).Succeeded.ShouldBeTrue();

        phone.Received.Select(m => m.Type).ShouldBe(["image", "document", "location", "vcard"]);
        phone.Received[0].Media.ShouldBe(jpeg);
        phone.Received[2].Lat.ShouldBe(38.72);
        phone.Received[3].Body!.ShouldContain("waid=351910000000");
    }

    [Fact]
    public async Task Incoming_message_is_pushed_listed_and_its_media_downloadable()
    {
        var ct = TestContext.Current.CancellationToken;
        var phone = _wpp.Phone("+351915211836", "João");
        var (text, delivery) = await phone.SendTextAsync("Olá, quero ser estafeta");
        var (photo, _) = await phone.SendMediaAsync("image", [1, 2, 3, 4], "image/jpeg", caption: "carta");

        delivery!.Succeeded.ShouldBeTrue();
        var pushed = JsonDocument.Parse(_sink.Received[0].Body).RootElement;
        pushed.GetProperty("event").GetString().ShouldBe("onmessage");
        pushed.GetProperty("id").GetString().ShouldBe(text.Id);

        var chats = await Client.ListChatsAsync(ct: ct);
        chats.Single().Id.ShouldBe("351915211836@c.us");
        chats.Single().LastReceivedKey!.Serialized.ShouldBe(photo.Id);

        var messages = await Client.GetMessagesAsync("351915211836@c.us", ct: ct);
        messages.Select(m => m.Id).ShouldBe([text.Id, photo.Id]);
        messages[0].ChatKey.ShouldBe("351915211836@c.us");
        messages[0].Sender!.Id.ShouldBe("351915211836@c.us");

        var media = await Client.DownloadMediaAsync(photo.Id, ct);
        media!.Content.ShouldBe([1, 2, 3, 4]);
        (await Client.DownloadMediaAsync(text.Id, ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Lid_users_are_answered_on_their_lid_and_mapped_when_known()
    {
        var ct = TestContext.Current.CancellationToken;
        var known = _wpp.Phone("+351915211836", lid: "123456789012345");
        var fresh = _wpp.Phone("+351915211837", lid: "223456789012345", lidMappingKnown: false);

        (await Client.LookupPnLidAsync(known.ChatId, ct)).PhoneNumber.ShouldBe("351915211836@c.us");
        var unknown = await Client.LookupPnLidAsync(fresh.ChatId, ct);
        unknown.Lid.ShouldBe("223456789012345@lid");
        unknown.PhoneNumber.ShouldBeNull();

        (await Client.SendTextAsync(known.ChatId, "Olá", ct)).Succeeded.ShouldBeTrue();
        known.Received.Single().ChatId.ShouldBe("123456789012345@lid");
    }

    [Fact]
    public async Task A_revoked_token_is_regenerated_from_the_secret_key()
    {
        var ct = TestContext.Current.CancellationToken;
        _wpp.Phone("+351915211836");
        (await Client.GetSessionStatusAsync(ct)).Status.ShouldBe("CONNECTED");
        _wpp.RevokeTokens();

        (await Client.SendTextAsync("351915211836", "ainda chega", ct)).Succeeded.ShouldBeTrue();

        _wpp.Requests.Count(r => r.RoutePattern.EndsWith("/send-message", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Typing_is_accepted()
    {
        _wpp.Phone("+351915211836");
        await Client.SetTypingAsync("351915211836", true, TestContext.Current.CancellationToken);
        _wpp.Requests.ShouldContain(r => r.RoutePattern.EndsWith("/typing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_settings_fail_validation_naming_them()
    {
        await using var services = ClientHost.Build(new Dictionary<string, string?> { ["WppConnect:BaseUrl"] = "http://127.0.0.1:1/" });

        var startup = await Should.ThrowAsync<AggregateException>(() => ClientHost.ValidateAsync(services));
        var messages = string.Join("\n", startup.InnerExceptions.OfType<OptionsValidationException>().Select(e => e.Message));

        messages.ShouldContain("WppConnect:Session");
        messages.ShouldContain("WppConnect:SecretKey or WppConnect:Token");
        messages.ShouldContain("WppConnect:WebhookToken");
    }
}
