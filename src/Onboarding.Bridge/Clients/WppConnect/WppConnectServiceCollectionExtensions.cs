using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Clients.WppConnect.Json;
using Refit;

namespace Onboarding.Bridge.Clients.WppConnect;

public static class WppConnectServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWppConnectApi"/> and <see cref="WppConnectClient"/> from the <c>WppConnect</c> section,
    /// validated at start, with bearer auth and the upstream resilience pipeline.
    /// </summary>
    /// <remarks>validate: false on a replica that never calls WppConnect (the <c>api</c> role): its settings are not demanded at boot.</remarks>
    public static IServiceCollection AddWppConnectClient(this IServiceCollection services, IConfiguration configuration, bool validate = true)
    {
        var options = services.AddOptions<WppConnectOptions>().Bind(configuration.GetSection(WppConnectOptions.Section));
        if (validate)
        {
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<WppConnectOptions>, WppConnectOptionsValidator>();
        }

        services.AddSingleton<WppConnectTokenSource>();
        services.AddTransient<WppConnectAuthHandler>();
        services.AddTransient<WppConnectClient>();

        var policy = new WppConnectCallPolicy();
        services.AddHttpClient(WppConnectTokenSource.HttpClientName, ConfigureBase)
            .AddUpstreamResilience(policy, HttpSettings);

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(WppConnectJson.Options));
        // The source-generated client: Refit 16 builds requests by reflection only with the optional Refit.Reflection.
        services.AddHttpClient(nameof(IWppConnectApi), ConfigureBase)
            .AddTypedClient((http, _) => RestService.ForGenerated<IWppConnectApi>(http, settings))
            .AddHttpMessageHandler<WppConnectAuthHandler>()
            .AddUpstreamResilience(policy, HttpSettings);
        return services;
    }

    private static HttpCallOptions HttpSettings(IServiceProvider services) =>
        services.GetRequiredService<IOptions<WppConnectOptions>>().Value.Http;

    private static void ConfigureBase(IServiceProvider services, HttpClient client)
    {
        // Unset on an api replica, which builds the client (the webhook intakes depend on it) but never calls it.
        if (services.GetRequiredService<IOptions<WppConnectOptions>>().Value.BaseUrl is { } baseUrl)
        {
            client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        }

        // The resilience pipeline owns timeouts; HttpClient's own 100 s default would cut slow sends short.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }
}
