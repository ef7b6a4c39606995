using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Tests.Shared;

namespace Onboarding.Bridge.Tests.Clients.Chatwoot;

public sealed class ChatwootFaultTests : IAsyncLifetime
{
    private FakeChatwoot _chatwoot = null!;
    private ServiceProvider _services = null!;

    private ChatwootClient Client => _services.GetRequiredService<ChatwootClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _chatwoot = await FakeChatwoot.StartAsync();
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["Chatwoot:BaseUrl"] = _chatwoot.BaseUrl.ToString(),
            ["Chatwoot:AccountId"] = "1",
            ["Chatwoot:InboxId"] = "1",
            ["Chatwoot:ApiToken"] = _chatwoot.ApiToken,
            ["Chatwoot:WebhookSecret"] = "s",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _chatwoot.DisposeAsync();
    }

    private async Task<int> ConversationAsync()
    {
        var contact = await Client.CreateContactAsync("J", "+351915211836", "351915211836@c.us", "351915211836", ct: Ct);
        return (await Client.CreateConversationAsync(contact.Contact!.Id, "351915211836", ct: Ct)).Id;
    }

    [Fact]
    public async Task A_429_burst_on_a_read_is_retried_honouring_retry_after()
    {
        var conversationId = await ConversationAsync();
        _chatwoot.Faults.TooManyRequests(2, TimeSpan.Zero);

        (await Client.GetConversationAsync(conversationId, Ct))!.Id.ShouldBe(conversationId);
        _chatwoot.Faults.Injected.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_create_is_never_retried()
    {
        var conversationId = await ConversationAsync();
        _chatwoot.Faults.FailNext(1, 500);

        var error = await Should.ThrowAsync<UpstreamException>(() =>
            Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("uma vez", "wpp:1"), Ct));

        error.IsTransient.ShouldBeTrue();
        _chatwoot.Messages(conversationId).ShouldBeEmpty();
        (await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("uma vez", "wpp:1"), Ct)).Id.ShouldBePositive();
        _chatwoot.ReceivedMessages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_429_on_a_create_surfaces_with_its_retry_after()
    {
        var conversationId = await ConversationAsync();
        _chatwoot.Faults.TooManyRequests(1, TimeSpan.FromSeconds(7));

        var error = await Should.ThrowAsync<UpstreamException>(() =>
            Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("x", "wpp:2"), Ct));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.TooManyRequests);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Down_and_timeouts_surface_as_transient_failures()
    {
        var conversationId = await ConversationAsync();
        _chatwoot.Faults.Down = true;
        (await Should.ThrowAsync<Exception>(() => Client.GetConversationAsync(conversationId, Ct))).ShouldNotBeNull();
        _chatwoot.Faults.Down = false;

        _chatwoot.Faults.TimeoutNext(1);
        (await Should.ThrowAsync<Exception>(() => Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("t", "wpp:3"), Ct))).ShouldNotBeNull();
        _chatwoot.Faults.Reset();
        (await Client.GetConversationAsync(conversationId, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Dropped_webhooks_are_observed()
    {
        await using var sink = await WebhookSink.StartAsync();
        _chatwoot.WebhookUrl = sink.Url;
        var conversationId = await ConversationAsync();
        // Creating the conversation fires its own webhook in the background, as Chatwoot's Sidekiq does: it must have
        // gone out before the drop is armed, or it is the one dropped.
        await Eventually.TrueAsync(() => _chatwoot.BackgroundWork == 0, "the conversation's own webhooks to go out");
        _chatwoot.Faults.DropNextWebhooks(1);

        var (_, dropped) = await _chatwoot.AgentReplyAsync(conversationId, "perdida");
        var (_, delivered) = await _chatwoot.AgentReplyAsync(conversationId, "entregue");

        dropped!.Error.ShouldBe("dropped by fault");
        delivered!.Succeeded.ShouldBeTrue();
        sink.Received.ShouldNotContain(r => r.Body.Contains("perdida", StringComparison.Ordinal));
    }
}
