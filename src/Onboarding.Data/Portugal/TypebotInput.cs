using System.Globalization;
using System.Text;

namespace Onboarding.Data.Portugal;

/// <summary>
/// Helpers for raw values posted by Typebot: everything is a string, unset variables may arrive as
/// "null"/"undefined" or as the literal "{{Variable}}" placeholder.
/// </summary>
public static class TypebotInput
{
    /// <summary>True when the raw value means "nothing was entered".</summary>
    public static bool IsBlank(string? raw) => Clean(raw) is null;

    /// <summary>
    /// Trims (including invisible characters), and returns null for empty, "null", "undefined" and unreplaced
    /// "{{variable}}" placeholders.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var s = StripInvisible(raw).Trim();
        if (s.Length == 0
            || s.Equals("null", StringComparison.OrdinalIgnoreCase)
            || s.Equals("undefined", StringComparison.OrdinalIgnoreCase)
            || (s.StartsWith("{{", StringComparison.Ordinal) && s.EndsWith("}}", StringComparison.Ordinal)))
        {
            return null;
        }

        return s;
    }

    /// <summary>Removes zero-width characters and the BOM that copy/paste from phones tends to add.</summary>
    internal static string StripInvisible(string s)
    {
        if (s.AsSpan().IndexOfAny("\u200B\u200C\u200D\u2060\uFEFF\u00AD") < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Removes every character for which <paramref name="drop"/> is true.</summary>
    internal static string Remove(string s, Func<char, bool> drop)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!drop(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>True for separators people type inside identifiers: whitespace, dots, dashes of any kind.</summary>
    internal static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '.' or '-' or '‐' or '‑' or '–' or '—' or '·' or '_';

    /// <summary>
    /// Lower-case, accent-free, compatibility-decomposed (³ → 3) text with every run of non letters/digits
    /// collapsed into one space. Used for matching free-text labels.
    /// </summary>
    internal static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }
}
