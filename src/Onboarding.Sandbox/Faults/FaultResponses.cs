namespace Onboarding.Sandbox.Faults;

/// <summary>The bodies a fake answers when a fault fires, in the style of the server it imitates.</summary>
public sealed record FaultResponses(Func<int, string> ErrorBody, string TooManyRequestsBody);
