namespace Onboarding.Data.Drivers;

public enum StatusChangeResult
{
    Changed,
    NotFound,
    StaleVersion,
    Forbidden,
}

public sealed record StatusChangeOutcome(StatusChangeResult Result, string? Status, int Version);
