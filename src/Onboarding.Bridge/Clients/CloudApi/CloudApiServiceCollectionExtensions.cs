using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;

namespace Onboarding.Bridge.Clients.CloudApi;

public static class CloudApiServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="CloudApiClient"/> from <c>WhatsApp:CloudApi</c>, validated at start when the transport is the Cloud
    /// API (all settings where the bridge sends, the webhook's two secrets elsewhere), with bearer auth and the
    /// upstream resilience pipeline (reads retried, sends never).
    /// </summary>
    public static IServiceCollection AddCloudApiClient(this IServiceCollection services, IConfiguration configuration, bool sends)
    {
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.Section));
        services.AddOptions<CloudApiOptions>().Bind(configuration.GetSection(CloudApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CloudApiOptions>>(sp => new CloudApiOptionsValidator(sp.GetRequiredService<IOptions<WhatsAppOptions>>(), sends));
        services.AddTransient<CloudApiAuthHandler>();
        services.AddSingleton<CloudApiClient>();
        services.AddHttpClient(CloudApiClient.HttpClientName, (sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<CloudApiOptions>>().Value.BaseUrl;
                if (baseUrl is { IsAbsoluteUri: true })
                {
                    client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                }

                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<CloudApiAuthHandler>()
            .AddUpstreamResilience(new CloudApiCallPolicy(), sp => sp.GetRequiredService<IOptions<CloudApiOptions>>().Value.Http);
        return services;
    }
}
