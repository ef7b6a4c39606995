namespace Onboarding.Sandbox.Tests.Typebot.Support;

public static class Fixtures
{
    public static string TypebotFixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "typebot", name));

    public static string DriverOnboardingFlow() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "typebot-flows", "driver-onboarding.json"));
}
