using System.Globalization;

namespace Onboarding.Api.Features.Documents;

/// <summary>An expiry date as drivers and staff type it: dd/mm/yyyy (also with '-' or '.'), or yyyy-mm-dd.</summary>
public static class ExpiryDate
{
    private static readonly string[] Formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d"];

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
