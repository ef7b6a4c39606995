using System.ComponentModel.DataAnnotations;

namespace Onboarding.Api.Auth;

/// <summary>API keys from configuration (<c>Api:Keys:0:Name</c>, <c>:Key</c>, <c>:Role</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Api";

    public List<ApiKeyEntry> Keys { get; init; } = [];
}

public sealed class ApiKeyEntry
{
    [Required]
    public string Name { get; init; } = "";

    [Required, MinLength(16)]
    public string Key { get; init; } = "";

    [Required]
    public string Role { get; init; } = "";
}
