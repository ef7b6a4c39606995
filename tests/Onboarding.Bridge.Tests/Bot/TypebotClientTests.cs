using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Sandbox.Typebot.ChatApi;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>The Typebot client over real HTTP against the emulator running typebot-flows/driver-onboarding.json.</summary>
public sealed class TypebotClientTests : IAsyncLifetime
{
    private const string PublicId = "driver-onboarding";

    private static readonly Dictionary<string, string> Driver = new()
    {
        ["phone"] = "+351912345678",
        ["whatsapp_name"] = "Ana",
        ["wa_chat_id"] = "351912345678@c.us",
    };

    private TypebotEmulator _emulator = null!;
    private ServiceProvider _services = null!;

    private TypebotClient Client => _services.GetRequiredService<TypebotClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TypebotEmulator.StartAsync(new TypebotEmulatorOptions(), Ct);
        _emulator.LoadFlow(PublicId, await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json"), Ct));
        _services = TypebotHost.Build(new Dictionary<string, string?>
        {
            ["Typebot:BaseUrl"] = _emulator.BaseUrl.ToString(),
            ["Typebot:PublicId"] = PublicId,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Start_shows_the_privacy_notice_and_a_numbered_choice()
    {
        var turn = await Client.StartChatAsync(Driver, Ct);

        turn.SessionId.ShouldNotBeNullOrEmpty();
        turn.ResultId.ShouldNotBeNullOrEmpty();
        turn.Input.ShouldNotBeNull().Type.ShouldBe(TypebotInputBlock.Choice);
        turn.EndsFlow.ShouldBeFalse();
        var texts = Turns.Texts(WhatsAppRenderer.Render(turn, 10));
        texts[0].ShouldStartWith("Olá! 👋 Sou o assistente de recrutamento de estafetas da *Léguas Franzinas*.\n");
        texts[^1].ShouldStartWith("*Aviso de privacidade* (versão 2026-11)\n");
        texts[^1].ShouldEndWith("Para continuar, escolha uma opção.\n\n1. Continuar\n2. Não quero continuar");
        _emulator.Sessions[turn.SessionId!].Variables["phone"].ShouldBe("+351912345678");
    }

    [Fact]
    public async Task A_number_typed_by_the_driver_advances_the_flow()
    {
        var start = await Client.StartChatAsync(Driver, Ct);

        var next = await Client.ContinueChatAsync(start.SessionId!, ChoiceAnswer.Resolve(start.Input, "1"), Ct);

        next.ShouldNotBeNull().Input.ShouldNotBeNull().Id.ShouldNotBe(start.Input!.Id);
        _emulator.Sessions[start.SessionId!].Variables["privacy_accepted"].ShouldBe("sim");
    }

    [Fact]
    public async Task An_ended_or_unknown_session_is_null()
    {
        var start = await Client.StartChatAsync(Driver, Ct);

        var declined = await Client.ContinueChatAsync(start.SessionId!, ChoiceAnswer.Resolve(start.Input, "não quero continuar"), Ct);

        declined.ShouldNotBeNull().EndsFlow.ShouldBeTrue();
        Turns.Texts(WhatsAppRenderer.Render(declined, 10)).ShouldHaveSingleItem().ShouldStartWith("Sem problema");
        (await Client.ContinueChatAsync(start.SessionId!, new TypebotAnswer("olá"), Ct)).ShouldBeNull();
        (await Client.ContinueChatAsync("nosuchsession", new TypebotAnswer("olá"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task An_unmatched_reply_gets_the_retry_message_and_the_same_input()
    {
        var start = await Client.StartChatAsync(Driver, Ct);

        var retry = await Client.ContinueChatAsync(start.SessionId!, ChoiceAnswer.Resolve(start.Input, "talvez"), Ct);

        retry.ShouldNotBeNull().Input.ShouldNotBeNull().Id.ShouldBe(start.Input!.Id);
        retry.Messages.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_failed_continue_is_not_retried_and_the_session_is_untouched()
    {
        var start = await Client.StartChatAsync(Driver, Ct);
        _emulator.Faults.FailNext(1, 503);

        var error = await Should.ThrowAsync<UpstreamException>(() =>
            Client.ContinueChatAsync(start.SessionId!, ChoiceAnswer.Resolve(start.Input, "1"), Ct));

        error.Api.ShouldBe("Typebot");
        error.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.IsTransient.ShouldBeTrue();
        _emulator.Faults.Injected.ShouldBe(1);
        var next = await Client.ContinueChatAsync(start.SessionId!, ChoiceAnswer.Resolve(start.Input, "1"), Ct);
        next.ShouldNotBeNull().Input.ShouldNotBeNull().Id.ShouldNotBe(start.Input!.Id);
    }

    [Fact]
    public async Task A_429_surfaces_with_its_retry_after_and_a_500_on_start_is_not_retried()
    {
        _emulator.Faults.TooManyRequests(1, TimeSpan.FromSeconds(7));
        var limited = await Should.ThrowAsync<UpstreamException>(() => Client.StartChatAsync(Driver, Ct));
        _emulator.Faults.FailNext(1, 500);
        var failed = await Should.ThrowAsync<UpstreamException>(() => Client.StartChatAsync(Driver, Ct));

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        failed.Message.ShouldContain("Internal server error");
        _emulator.Faults.Injected.ShouldBe(2);
        _emulator.Sessions.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task Down_and_timeouts_are_transient_upstream_failures()
    {
        var start = await Client.StartChatAsync(Driver, Ct);
        _emulator.Faults.Down = true;
        var down = await Should.ThrowAsync<UpstreamException>(() => Client.StartChatAsync(Driver, Ct));
        _emulator.Faults.Reset();
        _emulator.Faults.TimeoutNext(1);
        var timedOut = await Should.ThrowAsync<UpstreamException>(() =>
            Client.ContinueChatAsync(start.SessionId!, new TypebotAnswer("Continuar"), Ct));
        _emulator.Faults.Reset();

        down.IsTransient.ShouldBeTrue();
        down.StatusCode.ShouldBeNull();
        timedOut.IsTransient.ShouldBeTrue();
        (await Client.ContinueChatAsync(start.SessionId!, new TypebotAnswer("Continuar", "i_privacy_yes"), Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_bot_is_a_permanent_failure()
    {
        _emulator.UnloadFlow(PublicId);

        var error = await Should.ThrowAsync<UpstreamException>(() => Client.StartChatAsync(Driver, Ct));

        error.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("Typebot not found");
    }
}
