namespace Onboarding.Api.Auth;

public static class ApiRoles
{
    /// <summary>The Typebot flow's key: may only register drivers.</summary>
    public const string Typebot = "typebot";

    /// <summary>Staff: read and change driver records, operate the bridge.</summary>
    public const string Staff = "staff";

    public static readonly IReadOnlyList<string> All = [Typebot, Staff];
}
