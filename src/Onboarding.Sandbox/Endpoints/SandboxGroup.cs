using FastEndpoints;

namespace Onboarding.Sandbox.Endpoints;

/// <summary>
/// The Sandbox API under <c>/api/sandbox</c>: it drives the in-process fakes, so only the Sandbox program maps it;
/// the production program has no such routes (404), and the console hides its Sandbox page there.
/// </summary>
public sealed class SandboxGroup : Group
{
    public SandboxGroup()
    {
        Configure("api/sandbox", _ => { });
    }
}
