using System.Globalization;
using System.Text;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// A comparison key for what people type: lower case, accents dropped (NFD without combining marks), whitespace
/// collapsed, and punctuation, symbols and emoji trimmed from both ends. "  Évora! " and "evora" share a key.
/// </summary>
public static class LooseText
{
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(char.ToLowerInvariant(c));
        }

        var start = 0;
        var end = key.Length;
        while (start < end && !char.IsLetterOrDigit(key[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(key[end - 1]))
        {
            end--;
        }

        return key.ToString(start, end - start);
    }
}
