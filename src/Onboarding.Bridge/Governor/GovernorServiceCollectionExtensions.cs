using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Onboarding.Bridge.Governor;

public static class GovernorServiceCollectionExtensions
{
    /// <summary>The sending governor: its settings (validated at start), its store, its clock and the governor itself.</summary>
    public static IServiceCollection AddGovernor(this IServiceCollection services)
    {
        services.AddOptions<GovernorOptions>().BindConfiguration(GovernorOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GovernorOptions>, GovernorOptionsValidator>();
        services.AddSingleton<GovernorStore>();
        services.TryAddSingleton(sp => new GovernorClock(
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<IOptions<GovernorOptions>>().Value.RandomSeed));
        services.AddSingleton<SendGovernor>();
        services.AddSingleton<GovernorGauges>();
        return services;
    }
}
