using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Drains;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Bridge.Tests.Clients.Fetching;

/// <summary>
/// Issue 17 item 2, on real sockets: files are fetched only from configured origins, redirects only to them, and a
/// listener on 127.0.0.2 (standing for a metadata service) never sees a connection.
/// </summary>
public sealed class TrustedFetcherTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.4 contrato"u8.ToArray();
    private readonly TcpListener _foreign = new(IPAddress.Parse("127.0.0.2"), 0);
    private LoopbackApp _chatwoot = null!;
    private LoopbackApp _storage = null!;

    private Uri Foreign => new($"http://127.0.0.2:{((IPEndPoint)_foreign.LocalEndpoint).Port}/latest/meta-data");

    public async ValueTask InitializeAsync()
    {
        _foreign.Start();
        _storage = await LoopbackApp.StartAsync(0, app =>
        {
            app.MapGet("/blob", () => Results.Bytes(Pdf, "application/pdf"));
            app.MapGet("/big", () => Results.Bytes(new byte[4096], "application/pdf"));
        });
        // Chatwoot's data_url is /rails/active_storage/blobs/redirect/…, answered with a 302 to the storage service.
        _chatwoot = await LoopbackApp.StartAsync(0, app =>
        {
            app.MapGet("/to-storage", () => Results.Redirect(new Uri(_storage.BaseUrl, "blob").ToString()));
            app.MapGet("/to-foreign", () => Results.Redirect(Foreign.ToString()));
            app.MapGet("/big", () => Results.Bytes(new byte[4096], "application/pdf"));
        });
    }

    public async ValueTask DisposeAsync()
    {
        _foreign.Stop();
        await _chatwoot.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private TrustedFetcher Fetcher(long maxBytes = 40 * 1024 * 1024, params string[] storage)
    {
        var services = new ServiceCollection();
        services.AddOptions<BridgeOptions>().Configure(o => o.MaxFetchBytes = maxBytes);
        TrustedFetcher.Register(services);
        services.AddSingleton(TrustedOrigins.Of([_chatwoot.BaseUrl.AbsoluteUri, .. storage]));
        return services.BuildServiceProvider().GetRequiredService<TrustedFetcher>();
    }

    [Fact]
    public async Task A_loopback_address_that_is_not_configured_is_never_connected()
    {
        await Should.ThrowAsync<RefusedFetchException>(() => Fetcher().GetAsync(Foreign, TestContext.Current.CancellationToken));
        _foreign.Pending().ShouldBeFalse();
    }

    [Fact]
    public async Task A_redirect_from_chatwoot_to_a_foreign_host_is_refused()
    {
        await Should.ThrowAsync<RefusedFetchException>(() =>
            Fetcher().GetAsync(new Uri(_chatwoot.BaseUrl, "to-foreign"), TestContext.Current.CancellationToken));
        _foreign.Pending().ShouldBeFalse();
    }

    [Fact]
    public async Task A_redirect_to_a_configured_storage_host_is_followed()
    {
        var file = await Fetcher(storage: _storage.BaseUrl.AbsoluteUri).GetAsync(new Uri(_chatwoot.BaseUrl, "to-storage"), TestContext.Current.CancellationToken);
        file.Bytes.ShouldBe(Pdf);
        file.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task The_same_redirect_without_the_storage_host_configured_is_refused() =>
        await Should.ThrowAsync<RefusedFetchException>(() =>
            Fetcher().GetAsync(new Uri(_chatwoot.BaseUrl, "to-storage"), TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_file_over_the_cap_is_refused() =>
        await Should.ThrowAsync<RefusedFetchException>(() =>
            Fetcher(maxBytes: 1024).GetAsync(new Uri(_chatwoot.BaseUrl, "big"), TestContext.Current.CancellationToken));

    [Fact]
    public void A_refused_fetch_fails_the_row_at_once()
    {
        var failure = RowFailure.Classify(new HttpRequestException("connect failed", new RefusedFetchException("private address")));
        failure.Kind.ShouldBe(FailureKind.Permanent);
        failure.Reason.ShouldBe("refused_fetch");
    }

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.20.0.3", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:2800:220:1::1", false)]
    public void Private_addresses_are_recognised(string address, bool isPrivate) =>
        PrivateAddresses.Contains(IPAddress.Parse(address)).ShouldBe(isPrivate);
}
