using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Options;
using Onboarding.Bridge;

namespace Onboarding.Api.Hosting;

/// <summary>
/// In Production (outside the Sandbox program: the production program refuses Sandbox mode before this runs, see
/// <see cref="RolesAndMode.SandboxRefusal"/>), refuses to boot on a key or secret that is a placeholder (<c>change-me</c>), a
/// value shown in <c>deploy/.env.example</c> or the docs, or shorter than <see cref="BridgeOptions.MinimumKeyLength"/>
/// (Chatwoot's own 24-character tokens pass), naming the setting and never printing its value (docs/0014).
/// </summary>
public sealed class SecretSettingsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<OnboardingOptions>
{
    /// <summary>Values shown in the docs besides <c>deploy/.env.example</c>: WPPConnect Server's default <c>SECRET_KEY</c> (src/config.ts).</summary>
    private static readonly string[] DocumentedValues = ["THISISMYSECURETOKEN"];

    private static readonly Lazy<HashSet<string>> Examples = new(LoadExamples);

    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        if (!environment.IsProduction() || options.IsSandbox)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = Secrets(configuration).Select(s => Refusal(s.Setting, s.Value, s.MinimumLength)).OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every configured secret with its setting name; a minimum length of 0 for passwords chosen elsewhere.</summary>
    private static IEnumerable<(string Setting, string Value, int MinimumLength)> Secrets(IConfiguration configuration)
    {
        const int min = BridgeOptions.MinimumKeyLength;
        foreach (var key in configuration.GetSection("Api:Keys").GetChildren())
        {
            yield return ($"Api:Keys:{key.Key}:Key", key["Key"] ?? "", min);
        }

        foreach (var setting in new[]
        {
            "Bridge:MediaSigningKey", "Bridge:ChatwootWebhookToken", "WppConnect:SecretKey", "WppConnect:Token",
            "WppConnect:WebhookToken", "Chatwoot:ApiToken", "Chatwoot:WebhookSecret",
            "WhatsApp:CloudApi:AccessToken", "WhatsApp:CloudApi:AppSecret", "WhatsApp:CloudApi:WebhookVerifyToken",
        })
        {
            yield return (setting, configuration[setting] ?? "", min);
        }

        yield return ("Documents:Storage:S3:SecretKey", configuration["Documents:Storage:S3:SecretKey"] ?? "", 0);

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = configuration.GetConnectionString("Onboarding") ?? "";
        }
        catch (ArgumentException)
        {
            yield break;
        }

        if (builder.TryGetValue("Password", out var password))
        {
            yield return ("ConnectionStrings:Onboarding (Password)", password?.ToString() ?? "", 0);
        }
    }

    private static string? Refusal(string setting, string value, int minimumLength)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Contains("change-me", StringComparison.OrdinalIgnoreCase))
        {
            return $"{setting} is still a change-me placeholder: generate a secret (docs/deploy.md, step 2).";
        }

        if (Examples.Value.Contains(value))
        {
            return $"{setting} is a value shown in deploy/.env.example or the docs: generate a secret (docs/deploy.md, step 2).";
        }

        return value.Length < minimumLength
            ? $"{setting} must be at least {minimumLength} characters: generate a secret (docs/deploy.md, step 2)."
            : null;
    }

    /// <summary>The values of <c>deploy/.env.example</c> (embedded at build) that look like secrets, and the documented ones.</summary>
    private static HashSet<string> LoadExamples()
    {
        var examples = new HashSet<string>(DocumentedValues, StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Onboarding.Api.env.example");
        if (stream is null)
        {
            return examples;
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.TrimStart().StartsWith('#') && equals > 0 && line[(equals + 1)..].Trim('"', '\'', ' ') is { Length: >= 8 } value)
            {
                examples.Add(value);
            }
        }

        return examples;
    }
}
