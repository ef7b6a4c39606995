namespace Onboarding.Api.Features.Bridge.DeadLetters;

/// <summary>OpenAPI example for the dead-letter list: synthetic values.</summary>
internal static class DeadLettersExamples
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly DeadLettersResponse DeadLetters = new(1,
    [
        new DeadLetter(4711, "+351*****1836", "whatsapp", "text", 14, "WPPConnect 404: session Disconnected", At, 42),
    ]);
}
