using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>The Typebot client through a real ServiceCollection, as the host builds it, with short attempt timeouts.</summary>
public static class TypebotHost
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Typebot:Http:AttemptTimeout"] = "00:00:05",
            ["Typebot:Http:SlowAttemptTimeout"] = "00:00:08",
            ["Bridge:PublicUrl"] = "http://127.0.0.1:8080/",
            ["Bridge:MediaSigningKey"] = "bridge-tests-media-signing-key",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        services.AddOptions<BridgeOptions>().Bind(configuration.GetSection(BridgeOptions.Section));
        services.AddTypebotClient(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Runs the ValidateOnStart checks, as the host does at boot.</summary>
    public static Task ValidateAsync(ServiceProvider provider) =>
        Task.Run(() => provider.GetRequiredService<IStartupValidator>().Validate());

    public static TypebotOptions Options(ServiceProvider provider) => provider.GetRequiredService<IOptions<TypebotOptions>>().Value;
}
