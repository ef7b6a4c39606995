using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Bot.Nudges;
using Quartz;

namespace Onboarding.Bridge.Jobs;

public static class BridgeSchedulerExtensions
{
    public const string Group = "bridge";

    /// <summary>
    /// Quartz, clustered on the application's own Postgres (the <c>qrtz_</c> tables migrated by db/0002), with the
    /// bridge's jobs under explicit identities so every replica agrees on them.
    /// </summary>
    public static IServiceCollection AddBridgeScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BridgeOptions.Section).Get<BridgeOptions>() ?? new BridgeOptions();
        var nudges = configuration.GetSection(NudgeOptions.Section).Get<NudgeOptions>() ?? new NudgeOptions();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "onboarding";
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(db => db.UseRegisteredDataSource = true);
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
            });
            if (configuration.GetSection(WhatsAppOptions.Section).Get<WhatsAppOptions>()?.IsCloudApi != true)
            {
                // WhatsApp Web's gaps and session; the Cloud API has neither (its webhooks are redelivered by Meta).
                Every<CatchUpJob>(q, CatchUpJob.Name, options.CatchUpInterval);
                Every<SessionHealthJob>(q, SessionHealthJob.Name, options.SessionCheckInterval);
            }

            Every<SweepJob>(q, SweepJob.Name, options.SweepInterval);
            Every<RetentionJob>(q, RetentionJob.Name, TimeSpan.FromHours(1));
            Every<NudgeJob>(q, NudgeJob.Name, nudges.Interval);
            Every<DocumentExpiryJob>(q, DocumentExpiryJob.Name, TimeSpan.FromDays(1));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<TJob>(IQuartzBuilder q, string name, TimeSpan interval)
        where TJob : class, IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(name, Group).DisallowConcurrentExecution());
        q.AddTrigger<TJob>(t => t.ForJob(name, Group).WithIdentity(name, Group).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
