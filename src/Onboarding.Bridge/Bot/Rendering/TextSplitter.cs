using System.Text;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>Cuts a text longer than WhatsApp takes at line (paragraph) boundaries, and a too long line at a space.</summary>
internal static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int max)
    {
        if (text.Length <= max)
        {
            return [text];
        }

        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in text.Split('\n').SelectMany(line => Pieces(line, max)))
        {
            if (current.Length > 0 && current.Length + 1 + piece.Length > max)
            {
                Emit(current, chunks);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(piece);
        }

        Emit(current, chunks);
        return chunks;
    }

    private static void Emit(StringBuilder current, List<string> chunks)
    {
        var chunk = current.ToString().Trim('\n');
        if (chunk.Trim().Length > 0)
        {
            chunks.Add(chunk);
        }

        current.Clear();
    }

    private static IEnumerable<string> Pieces(string line, int max)
    {
        while (line.Length > max)
        {
            var cut = line.LastIndexOf(' ', max);
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(line[max - 1]) ? max - 1 : max;
            }

            yield return line[..cut].TrimEnd();
            line = line[cut..].TrimStart();
        }

        yield return line;
    }
}
