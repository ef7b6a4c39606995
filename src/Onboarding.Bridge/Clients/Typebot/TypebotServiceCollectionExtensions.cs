using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.Resilience;
using Refit;

namespace Onboarding.Bridge.Clients.Typebot;

public static class TypebotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITypebotApi"/> and <see cref="TypebotClient"/> from the <c>Typebot</c> section, validated at
    /// start when a base URL is set, with the upstream resilience pipeline (chat calls are never retried). Without a
    /// base URL nothing fails: <see cref="TypebotOptions.Enabled"/> is false and the client must not be used.
    /// </summary>
    /// <remarks>validate: false on a replica that never runs the bot (the <c>api</c> role).</remarks>
    public static IServiceCollection AddTypebotClient(this IServiceCollection services, IConfiguration configuration, bool validate = true)
    {
        var section = configuration.GetSection(TypebotOptions.Section);
        var options = services.AddOptions<TypebotOptions>()
            .Bind(section)
            .Configure(options => ReplaceDefaultKeywords(section, options));
        if (validate)
        {
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<TypebotOptions>, TypebotOptionsValidator>();
        }

        services.AddTransient<TypebotClient>();

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(TypebotJson.Options));
        // The source-generated client: Refit 16 builds requests by reflection only with the optional Refit.Reflection.
        services.AddHttpClient(nameof(ITypebotApi), (sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<TypebotOptions>>().Value.BaseUrl
                    ?? throw new InvalidOperationException($"The bot is off: {TypebotOptions.Section}:BaseUrl is not set.");
                client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, _) => RestService.ForGenerated<ITypebotApi>(http, settings))
            .AddUpstreamResilience(new TypebotCallPolicy(), sp => sp.GetRequiredService<IOptions<TypebotOptions>>().Value.Http);
        return services;
    }

    /// <summary>The binder appends configured items to a list that has defaults; configured keywords replace them.</summary>
    private static void ReplaceDefaultKeywords(IConfigurationSection section, TypebotOptions options)
    {
        if (section.GetSection(nameof(TypebotOptions.HandoffKeywords)).Get<List<string>>() is { } handoff)
        {
            options.HandoffKeywords = handoff;
        }

        if (section.GetSection(nameof(TypebotOptions.ResetKeywords)).Get<List<string>>() is { } reset)
        {
            options.ResetKeywords = reset;
        }

        if (section.GetSection(nameof(TypebotOptions.DocumentKeywords)).Get<List<string>>() is { } documents)
        {
            options.DocumentKeywords = documents;
        }

        if (section.GetSection(nameof(TypebotOptions.SkipKeywords)).Get<List<string>>() is { } skip)
        {
            options.SkipKeywords = skip;
        }
    }
}
