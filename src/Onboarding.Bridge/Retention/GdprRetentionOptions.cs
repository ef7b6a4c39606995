namespace Onboarding.Bridge.Retention;

/// <summary>How long personal data is kept once it has no purpose (section <c>Retention</c>); 0 keeps it.</summary>
public sealed class GdprRetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Rejected drivers are anonymised this many days after the decision.</summary>
    public int RejectedDays { get; set; } = 180;

    /// <summary>Drivers who withdrew are anonymised this many days after withdrawing.</summary>
    public int WithdrawnDays { get; set; } = 30;

    /// <summary>Contacts who never completed a registration, silent for this many days, are deleted with their conversations.</summary>
    public int AbandonedDays { get; set; } = 90;
}
