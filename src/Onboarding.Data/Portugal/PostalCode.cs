using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>Portuguese postal code (CP4-CP3), stored as "NNNN-NNN".</summary>
public static class PostalCode
{
    /// <summary>Parses "1000-100", "1000100", "1000 100", "CP 1000-100" into "1000-100".</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.PostalCodeRequired);
        }

        s = TypebotInput.Remove(s, TypebotInput.IsSeparator).ToUpperInvariant();
        if (s.StartsWith("CP", StringComparison.Ordinal))
        {
            s = s[2..];
        }
        else if (s.StartsWith("PT", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        if (s.Length != 7 || !s.All(char.IsAsciiDigit) || s[0] == '0')
        {
            return Parsed<string>.Fail(DriverTexts.PostalCodeFormat);
        }

        return Parsed<string>.Success($"{s[..4]}-{s[4..]}");
    }
}
