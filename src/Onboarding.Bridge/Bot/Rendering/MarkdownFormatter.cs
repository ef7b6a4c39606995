using System.Text.RegularExpressions;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// The chat API's markdown (<c>**bold**</c>, <c>*italic*</c> or <c>_italic_</c>, <c>~~strike~~</c>, <c>[t](u)</c>) as
/// WhatsApp text (<c>*bold*</c>, <c>_italic_</c>, <c>~strike~</c>, <c>t (u)</c>).
/// </summary>
internal static partial class MarkdownFormatter
{
    // Bold is parked on this private-use character while single stars become italics.
    private const char BoldMark = '\uE000';

    // Escaped punctuation (\*, \_, …) is parked at U+E000 + its code so no rule below sees it.
    private const int Parked = 0xE000;

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();

    [GeneratedRegex(@"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(\s*)[*+-]\s+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")]
    private static partial Regex StarItalic();

    [GeneratedRegex(@"(?<!`)`([^`\n]+)`(?!`)")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\\\n|<br\s*/?>")]
    private static partial Regex HardBreak();

    public static string Format(string markdown)
    {
        var text = HardBreak().Replace(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), "\n");
        text = Escaped().Replace(text, m => ((char)(Parked + m.Groups[1].Value[0])).ToString());
        text = Link().Replace(text, m => LinkText(m.Groups[1].Value == "!", m.Groups[2].Value, m.Groups[3].Value));
        text = Bullet().Replace(text, "$1- ");
        text = Heading().Replace(text, $"{BoldMark}$1{BoldMark}");
        text = Bold().Replace(text, $"{BoldMark}$2{BoldMark}");
        text = Strike().Replace(text, "~$1~");
        text = StarItalic().Replace(text, "_$1_");
        text = InlineCode().Replace(text, "```$1```");
        return new string(text.Select(Restore).ToArray());
    }

    private static string LinkText(bool isImage, string text, string url) =>
        isImage || text.Trim().Length == 0 || text.Trim() == url ? url : $"{text} ({url})";

    private static char Restore(char c) => c switch
    {
        BoldMark => '*',
        > (char)Parked and < (char)(Parked + 0x80) => (char)(c - Parked),
        _ => c,
    };
}
