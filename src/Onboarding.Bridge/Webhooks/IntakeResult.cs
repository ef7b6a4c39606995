namespace Onboarding.Bridge.Webhooks;

/// <summary>What a webhook intake did with one delivery; both intakes answer with it.</summary>
public enum IntakeResult
{
    Recorded,
    Duplicate,
    Ignored,
}
