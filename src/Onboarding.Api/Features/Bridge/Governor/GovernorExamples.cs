namespace Onboarding.Api.Features.Bridge.Governor;

/// <summary>OpenAPI example for the governor route: synthetic values.</summary>
internal static class GovernorExamples
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    public static readonly GovernorResponse Governor = new(true, "CONNECTED", false, true, "restricted", At.AddHours(6),
        "restricted (463): reachout-timelock", 1.0,
        [
            new GovernorBudget("whatsapp.replies", "reply", [new("minute", 4, 30), new("hour", 61, null), new("day", 388, null)], null),
            new GovernorBudget("whatsapp.service_notices", "service_notice", [new("minute", 3, 8), new("hour", 57, 200), new("day", 412, 1500)], At.AddSeconds(3)),
            new GovernorBudget("whatsapp.new_chats", "new_chat", [new("minute", 0, null), new("hour", 0, null), new("day", 2, 20)], null),
        ],
        new GovernorSkipped(3, 0));
}
