namespace Onboarding.Sandbox; internal static class Placeholder;
