using Microsoft.Extensions.Options;

namespace Onboarding.Api.Auth;

internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add("Api:Keys must list at least one key (Api__Keys__0__Name, Api__Keys__0__Key, Api__Keys__0__Role).");
        }

        for (var i = 0; i < options.Keys.Count; i++)
        {
            var entry = options.Keys[i];
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                failures.Add($"Api:Keys:{i}:Name is required.");
            }

            if (entry.Key.Length < 16)
            {
                failures.Add($"Api:Keys:{i}:Key must be at least 16 characters.");
            }

            if (!ApiRoles.All.Contains(entry.Role))
            {
                failures.Add($"Api:Keys:{i}:Role must be one of: {string.Join(", ", ApiRoles.All)}.");
            }
        }

        if (options.Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
        {
            failures.Add("Api:Keys contains the same key twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
