using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.Bridge.Tests.Clients.WppConnect;

public sealed class WppConnectSessionTests : IAsyncLifetime
{
    private FakeWppConnect _wpp = null!;
    private WebhookSink _sink = null!;
    private ServiceProvider _services = null!;

    private WppConnectClient Client => _services.GetRequiredService<WppConnectClient>();

    public async ValueTask InitializeAsync()
    {
        _sink = await WebhookSink.StartAsync();
        _wpp = await FakeWppConnect.StartAsync(new FakeWppConnectOptions { StartConnected = false });
        var token = _wpp.IssueToken();
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["WppConnect:BaseUrl"] = _wpp.BaseUrl.ToString(),
            ["WppConnect:Session"] = _wpp.Session,
            ["WppConnect:Token"] = token,
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
    public async Task Start_session_answers_closed_then_connects_with_the_webhook_and_a_qr()
    {
        var ct = TestContext.Current.CancellationToken;
        (await Client.GetSessionStatusAsync(ct)).Status.ShouldBe("CLOSED");
        (await Client.GetQrCodePngAsync(ct)).ShouldBeNull();

        (await Client.StartSessionAsync(_sink.Url, ct)).Status.ShouldBe("CLOSED");

        await Eventually.TrueAsync(() => _wpp.SessionStatus == "CONNECTED", "the session connected", seconds: 5);
        (await Client.GetSessionStatusAsync(ct)).Status.ShouldBe("CONNECTED");
        (await Client.GetQrCodePngAsync(ct))!.Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        await _sink.WaitForAsync(b => b.Contains("\"qrcode\"", StringComparison.Ordinal) && b.Contains("\"urlcode\"", StringComparison.Ordinal));
        await _sink.WaitForAsync(b => b.Contains("\"status\":\"inChat\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_session_makes_reads_fail_as_transient()
    {
        var error = await Should.ThrowAsync<UpstreamException>(() => Client.ListChatsAsync(ct: TestContext.Current.CancellationToken));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        error.IsTransient.ShouldBeTrue();
    }
}
