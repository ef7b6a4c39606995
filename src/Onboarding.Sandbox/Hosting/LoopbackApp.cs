using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Onboarding.Sandbox.Hosting;

/// <summary>
/// A minimal-API app on 127.0.0.1: port 0 lets the OS choose (tests), a fixed port serves the Sandbox run mode.
/// Logging is off so that a fake adds no cost per request.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL with a trailing slash, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every mapped route as (method, pattern), for contract tests.</summary>
    public IReadOnlyList<(string Method, string Pattern)> Routes =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (m, e.RoutePattern.RawText ?? "")))
            .ToList();

    public static async Task<LoopbackApp> StartAsync(
        int port, Action<WebApplication> map, Action<IServiceCollection>? services = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.WebHost.UseSetting(WebHostDefaults.SuppressStatusMessagesKey, "true");
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address);
        return new LoopbackApp(app, new Uri($"http://127.0.0.1:{bound.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
