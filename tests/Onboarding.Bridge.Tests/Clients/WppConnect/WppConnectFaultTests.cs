using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.WppConnect;

namespace Onboarding.Bridge.Tests.Clients.WppConnect;

public sealed class WppConnectFaultTests : IAsyncLifetime
{
    private FakeWppConnect _wpp = null!;
    private ServiceProvider _services = null!;

    private WppConnectClient Client => _services.GetRequiredService<WppConnectClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _wpp = await FakeWppConnect.StartAsync();
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["WppConnect:BaseUrl"] = _wpp.BaseUrl.ToString(),
            ["WppConnect:Session"] = _wpp.Session,
            ["WppConnect:SecretKey"] = _wpp.SecretKey,
            ["WppConnect:WebhookToken"] = "hook-token",
        });
        _wpp.Phone("+351915211836");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _wpp.DisposeAsync();
    }

    [Fact]
    public async Task A_429_on_a_send_is_not_retried_and_says_not_sent()
    {
        await Client.GetSessionStatusAsync(Ct);
        _wpp.Faults.TooManyRequests(1, TimeSpan.FromSeconds(3));

        var result = await Client.SendTextAsync("351915211836", "Olá", Ct);

        result.Outcome.ShouldBe(WppSendOutcome.NotSent);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        _wpp.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Errors_on_reads_are_retried()
    {
        await Client.GetSessionStatusAsync(Ct);
        _wpp.Faults.FailNext(2, 503);

        (await Client.ListChatsAsync(ct: Ct)).ShouldBeEmpty();
        _wpp.Faults.Injected.ShouldBe(2);
    }

    [Fact]
    public async Task A_send_with_a_server_error_or_a_hang_is_unknown_and_not_repeated()
    {
        await Client.GetSessionStatusAsync(Ct);
        _wpp.Faults.FailNext(1, 500);
        (await Client.SendTextAsync("351915211836", "a", Ct)).Outcome.ShouldBe(WppSendOutcome.Unknown);

        _wpp.Faults.TimeoutNext(1);
        (await Client.SendTextAsync("351915211836", "b", Ct)).Outcome.ShouldBe(WppSendOutcome.Unknown);

        _wpp.Faults.Injected.ShouldBe(2);
        _wpp.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_restart_drops_then_disconnects_then_recovers()
    {
        await Client.GetSessionStatusAsync(Ct);
        _wpp.StopProcess();
        var during = await Client.SendTextAsync("351915211836", "durante", Ct);
        during.Outcome.ShouldBeOneOf(WppSendOutcome.NotSent, WppSendOutcome.Unknown);

        _wpp.StartProcess();
        (await Client.SendTextAsync("351915211836", "a iniciar", Ct)).Succeeded.ShouldBeFalse();
        await _wpp.ReconnectAsync();

        (await Client.SendTextAsync("351915211836", "depois", Ct)).Succeeded.ShouldBeTrue();
        _wpp.Sent.Select(m => m.Body).ShouldBe(["depois"]);
    }

    [Fact]
    public async Task Messages_written_while_disconnected_are_listed_but_not_pushed()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var wpp = await FakeWppConnect.StartAsync(new FakeWppConnectOptions { WebhookUrl = sink.Url }, Ct);
        var phone = wpp.Phone("+351915211836");
        await wpp.DisconnectAsync();

        var (message, delivery) = await phone.SendTextAsync("enquanto offline");
        await wpp.ReconnectAsync();

        delivery.ShouldBeNull();
        wpp.Messages(phone.ChatId).Single().Id.ShouldBe(message.Id);
        sink.Received.ShouldNotContain(r => r.Body.Contains("enquanto offline", StringComparison.Ordinal));
    }
}
