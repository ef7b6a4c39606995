using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Chatwoot.Json;
using Onboarding.Bridge.Clients.Resilience;
using Refit;

namespace Onboarding.Bridge.Clients.Chatwoot;

public static class ChatwootServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatwootApi"/> and <see cref="ChatwootClient"/> from the <c>Chatwoot</c> section,
    /// validated at start, with token auth and the upstream resilience pipeline.
    /// </summary>
    /// <remarks>validate: false on a replica that never calls Chatwoot (the <c>api</c> role): its settings are not demanded at boot.</remarks>
    public static IServiceCollection AddChatwootClient(this IServiceCollection services, IConfiguration configuration, bool validate = true)
    {
        var options = services.AddOptions<ChatwootOptions>().Bind(configuration.GetSection(ChatwootOptions.Section));
        if (validate)
        {
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<ChatwootOptions>, ChatwootOptionsValidator>();
        }

        services.AddOptions<BridgeOptions>().Bind(configuration.GetSection(BridgeOptions.Section));
        services.AddTransient<ChatwootAuthHandler>();
        services.AddTransient<ChatwootBudgetHandler>();
        services.AddTransient<ChatwootClient>();

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(ChatwootJson.Options));
        // The source-generated client: Refit 16 builds requests by reflection only with the optional Refit.Reflection.
        services.AddHttpClient(nameof(IChatwootApi), (sp, client) =>
            {
                // Unset on an api replica, which builds the client (the webhook intakes depend on it) but never calls it.
                if (sp.GetRequiredService<IOptions<ChatwootOptions>>().Value.BaseUrl is { } baseUrl)
                {
                    client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                }

                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, _) => RestService.ForGenerated<IChatwootApi>(http, settings))
            .ConfigurePrimaryHttpMessageHandler(sp => ChatwootBudgetHandler.Primary(sp.GetRequiredService<IOptions<ChatwootOptions>>().Value))
            // Outermost: one permit per call, and a call refused by the budget never reaches the circuit breaker.
            .AddHttpMessageHandler<ChatwootBudgetHandler>()
            .AddHttpMessageHandler<ChatwootAuthHandler>()
            .AddUpstreamResilience(new ChatwootCallPolicy(), sp => sp.GetRequiredService<IOptions<ChatwootOptions>>().Value.Http);
        return services;
    }
}
