namespace Onboarding.Api.Flows.Check;

/// <summary>The worst severity found: <c>error</c> blocks publishing, <c>warning</c> asks for a look.</summary>
public enum FlowVerdict
{
    Ok,
    Warning,
    Error,
}
