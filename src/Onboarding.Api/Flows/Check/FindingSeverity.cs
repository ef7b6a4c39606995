namespace Onboarding.Api.Flows.Check;

/// <summary>How much a finding matters: an error must be fixed before publishing, a warning deserves a look.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
    Info,
}
