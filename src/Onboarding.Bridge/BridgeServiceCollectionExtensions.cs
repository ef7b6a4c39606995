using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Bot;
using Onboarding.Bridge.Bot.Media;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.CloudApi;
using Onboarding.Bridge.Clients.Fetching;
using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Bridge.Clients.WppConnect;
using Onboarding.Bridge.Contacts;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Governor;
using Onboarding.Bridge.Hosting;
using Onboarding.Bridge.Inbound.CatchUp;
using Onboarding.Bridge.Inbound.Intake;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Inbound.Processing;
using Onboarding.Bridge.Jobs;
using Onboarding.Bridge.Notifications;
using Onboarding.Bridge.Operations;
using Onboarding.Bridge.Outbound.Intake;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Outbound.Transport;
using Onboarding.Bridge.Retention;
using Onboarding.Bridge.Session;
using Onboarding.Bridge.State;

namespace Onboarding.Bridge;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>
    /// The clients, the ledger, the outbox and the webhook intakes; with <paramref name="runPump"/> (the <c>bridge</c>
    /// role) also the worker and the jobs, and only then are the upstream settings demanded at boot. Without it the
    /// webhooks still need their own secrets (they write to the ledger and the outbox and call nothing).
    /// </summary>
    public static IServiceCollection AddBridge(this IServiceCollection services, IConfiguration configuration, bool runPump)
    {
        services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section);

        // docs/0042: the transport is chosen at boot; only its own settings are demanded.
        var cloud = configuration.GetSection(WhatsAppOptions.Section).Get<WhatsAppOptions>()?.IsCloudApi == true;
        services.AddCloudApiClient(configuration, sends: runPump);
        services.AddWppConnectClient(configuration, validate: runPump && !cloud);
        services.AddChatwootClient(configuration, validate: runPump);
        services.AddTypebotClient(configuration, validate: runPump);
        if (!runPump && !cloud)
        {
            services.AddOptions<WppConnectOptions>().ValidateOnStart()
                .Validate(o => !string.IsNullOrWhiteSpace(o.WebhookToken), $"{WppConnectOptions.Section}:WebhookToken is required (the WPPConnect webhook's path token).");
        }

        if (!runPump)
        {
            services.AddOptions<ChatwootOptions>().ValidateOnStart()
                .Validate<IConfiguration>((o, c) => !string.IsNullOrWhiteSpace(o.WebhookSecret) || !string.IsNullOrWhiteSpace(c[$"{BridgeOptions.Section}:ChatwootWebhookToken"]),
                    $"{ChatwootOptions.Section}:WebhookSecret is required (or {BridgeOptions.Section}:ChatwootWebhookToken) to accept Chatwoot webhooks.");
        }

        TrustedFetcher.Register(services);
        services.AddSingleton<BridgeSignal>();
        services.AddSingleton<WebhookReceipts>();
        services.AddSingleton<InboundLedger>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<InboundMedia>();
        services.AddSingleton<OrderPeek>();
        services.AddSingleton<ReferenceNotes>();
        services.AddSingleton<ChatwootEffects>();
        services.AddSingleton<MediaLinks>();
        services.AddSingleton<BotBursts>();
        services.AddSingleton<Handoff>();
        services.AddSingleton<AgentActivity>();
        services.AddSingleton<IAgentActivity>(sp => sp.GetRequiredService<AgentActivity>());
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<IMessageRouter>(sp => sp.GetRequiredService<ConversationRouter>());
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NudgeOptions>, NudgeOptionsValidator>();
        services.TryAddSingleton(sp => new NudgeClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<NudgeSchedule>();
        services.AddSingleton<QuestionGroups>();
        services.AddSingleton<Nudger>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<DriverNotifier>();
        services.AddGovernor();
        services.AddSingleton<SendGovernor>();
        services.AddSingleton<GovernorGauges>();
        services.AddSingleton<ConversationWindow>();
        if (cloud)
        {
            services.AddSingleton<IWhatsAppTransport, CloudApiTransport>();
        }
        else
        {
            services.AddSingleton<IWhatsAppTransport, WppConnectTransport>();
        }

        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DeliveryReceipts>();
        services.AddSingleton<WppConnectWebhookIntake>();
        services.AddSingleton<CloudApiWebhookIntake>();
        services.AddSingleton<ChatwootWebhookIntake>();
        services.AddSingleton<BridgeState>();
        services.AddSingleton<BridgeDepths>();
        services.AddSingleton<OperationsAlerts>();
        services.AddSingleton<WppConnectCatchUp>();
        services.AddSingleton<CatchUpGate>();
        services.AddSingleton<ReconnectCatchUp>();
        services.AddSingleton<SessionHealth>();
        services.AddSingleton<LedgerRetention>();
        services.AddOptions<GdprRetentionOptions>().BindConfiguration(GdprRetentionOptions.Section);
        services.AddSingleton<GdprRetention>();
        services.AddSingleton<Notifications.ExpiryReminders>();
        if (runPump)
        {
            services.AddHostedService<BridgePump>();
            if (configuration.GetSection(BridgeOptions.Section).GetValue(nameof(BridgeOptions.Scheduler), true))
            {
                services.AddBridgeScheduler(configuration);
            }
        }

        return services;
    }
}
