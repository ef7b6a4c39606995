namespace Onboarding.Api.Hosting;

/// <summary>What this replica does: <c>api</c>, <c>bridge</c> or both (<c>Onboarding:Roles</c>).</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    public string Roles { get; set; } = "api,bridge";

    /// <summary>
    /// <c>Production</c>, or <c>Sandbox</c> (fakes of WPPConnect, Chatwoot and Typebot on loopback), which only the Sandbox
    /// program sets: the production program refuses it (<see cref="RolesAndMode.SandboxRefusal"/>).
    /// </summary>
    public string Mode { get; set; } = "Production";

    public bool IsSandbox => Mode.Equals("Sandbox", StringComparison.OrdinalIgnoreCase);

    public bool Has(string role) =>
        Roles.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.OrdinalIgnoreCase);
}
