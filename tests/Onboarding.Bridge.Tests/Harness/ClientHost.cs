using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.WppConnect;

namespace Onboarding.Bridge.Tests.Harness;

/// <summary>Builds the clients through a real ServiceCollection, as production does, with short retry delays.</summary>
public static class ClientHost
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["WppConnect:Http:RetryDelay"] = "00:00:00.050",
            ["Chatwoot:Http:RetryDelay"] = "00:00:00.050",
            ["WppConnect:Http:AttemptTimeout"] = "00:00:02",
            ["WppConnect:Http:SlowAttemptTimeout"] = "00:00:03",
            ["Chatwoot:Http:AttemptTimeout"] = "00:00:02",
            ["Chatwoot:Http:SlowAttemptTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (all.Keys.Any(k => k.StartsWith("WppConnect:BaseUrl", StringComparison.Ordinal)))
        {
            services.AddWppConnectClient(configuration);
        }

        if (all.Keys.Any(k => k.StartsWith("Chatwoot:BaseUrl", StringComparison.Ordinal)))
        {
            services.AddChatwootClient(configuration);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Runs the ValidateOnStart checks, as the host does at boot.</summary>
    public static Task ValidateAsync(ServiceProvider provider) =>
        Task.Run(() => provider.GetRequiredService<IStartupValidator>().Validate());

    public static T Options<T>(ServiceProvider provider)
        where T : class => provider.GetRequiredService<IOptions<T>>().Value;
}
