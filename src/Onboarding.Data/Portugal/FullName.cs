using System.Globalization;
using System.Text;

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
            return Parsed<string>.Fail("full_name.required", "Indique o seu nome completo.");
        }

        var words = s.Normalize(NormalizationForm.FormC)
            .Replace('’', '\'').Replace('‘', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace('´', '\'')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', words);

        if (!name.All(IsAllowed) || !words.All(w => w.Any(char.IsLetter)))
        {
            return Parsed<string>.Fail(
                "full_name.invalid",
                "O nome só pode ter letras, espaços, apóstrofos, hífenes e pontos.");
        }

        if (name.Length > MaxLength)
        {
            return Parsed<string>.Fail("full_name.invalid", "O nome é demasiado longo (máximo 120 caracteres).");
        }

        if (name.Length < MinLength || words.Length < 2)
        {
            return Parsed<string>.Fail(
                "full_name.too_short",
                "Indique o nome completo, com pelo menos o primeiro nome e o apelido.");
        }

        return Parsed<string>.Success(name);
    }

    private static bool IsAllowed(char c) =>
        char.IsLetter(c) || c is ' ' or '\'' or '-' or '.'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
