namespace Onboarding.Bridge; internal static class Placeholder;
