using Onboarding.Api.Hosting;
using Onboarding.Sandbox.Hosting;

namespace Onboarding.Sandbox;

/// <summary>
/// The Sandbox program that <c>./run.sh</c> starts: the production host (<see cref="OnboardingApp"/>) with the fakes
/// of WPPConnect and Chatwoot and the Typebot emulator on the next three loopback ports, and the <c>/api/sandbox</c>
/// endpoints behind the console's Sandbox page.
/// </summary>
public static class SandboxProgram
{
    public static Task<int> Main(string[] args) =>
        OnboardingApp.RunAsync(args, new HostExtension(SandboxMode.AddSandboxAsync, [typeof(SandboxProgram).Assembly]));
}
