namespace Onboarding.Data.Drivers;

/// <summary>The review lifecycle: submitted -> under_review -> approved | rejected; withdrawn by the driver.</summary>
public static class DriverStatus
{
    public const string Submitted = "submitted";
    public const string UnderReview = "under_review";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Erased = "erased";

    public static readonly IReadOnlyList<string> All = [Submitted, UnderReview, Approved, Rejected, Withdrawn, Erased];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Submitted] = [UnderReview, Rejected, Withdrawn],
        [UnderReview] = [Approved, Rejected, Withdrawn, Submitted],
        [Approved] = [Withdrawn],
        [Rejected] = [UnderReview],
        [Withdrawn] = [Submitted],
        [Erased] = [],
    };

    public static bool IsKnown(string status) => Allowed.ContainsKey(status);

    public static bool CanMove(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<string> NextOf(string from) => Allowed.TryGetValue(from, out var next) ? next : [];

    /// <summary>A driver may resubmit their data while nobody has decided on it yet, or after withdrawing or being rejected.</summary>
    public static bool AcceptsResubmission(string status) => status is Submitted or UnderReview or Withdrawn or Rejected;
}
