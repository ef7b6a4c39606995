using System.Globalization;
using System.Text;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>Full name: 2–120 characters, at least two words; letters, spaces, apostrophes, hyphens and dots.</summary>
public static class FullName
{
    public const int MinLength = 2;
    public const int MaxLength = 120;

    /// <summary>Parses "  maria   da silva " into "maria da silva" (NFC, whitespace collapsed, ’ → ').</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.FullNameRequired);
        }

        var words = s.Normalize(NormalizationForm.FormC)
            .Replace('’', '\'').Replace('‘', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace('´', '\'')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', words);

        if (!name.All(IsAllowed) || !words.All(w => w.Any(char.IsLetter)))
        {
            return Parsed<string>.Fail(DriverTexts.FullNameInvalid);
        }

        if (name.Length > MaxLength)
        {
            return Parsed<string>.Fail(DriverTexts.FullNameTooLong);
        }

        if (name.Length < MinLength || words.Length < 2)
        {
            return Parsed<string>.Fail(DriverTexts.FullNameTooShort);
        }

        return Parsed<string>.Success(name);
    }

    private static bool IsAllowed(char c) =>
        char.IsLetter(c) || c is ' ' or '\'' or '-' or '.'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
