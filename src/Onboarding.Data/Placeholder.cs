namespace Onboarding.Data; internal static class Placeholder;
