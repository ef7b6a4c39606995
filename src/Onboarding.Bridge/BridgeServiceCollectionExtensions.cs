using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Hosting;
using Onboarding.Bridge.Inbound;
using Onboarding.Bridge.Outbox;
using Onboarding.Bridge.Webhooks;

namespace Onboarding.Bridge;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>The clients, the ledger, the outbox and the webhook intakes; with <paramref name="runPump"/> also the worker.</summary>
    public static IServiceCollection AddBridge(this IServiceCollection services, IConfiguration configuration, bool runPump)
    {
        services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section);
        services.AddWppConnectClient(configuration);
        services.AddChatwootClient(configuration);
        services.AddHttpClient("outbox-files", c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<BridgeSignal>();
        services.AddSingleton<InboundLedger>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WppConnectWebhookIntake>();
        services.AddSingleton<ChatwootWebhookIntake>();
        if (runPump)
        {
            services.AddHostedService<BridgePump>();
        }

        return services;
    }
}
