using System.Text;
using Onboarding.Data.Documents.Checklist;

namespace Onboarding.Data.Documents.Files;

/// <summary>
/// A document's type from its first bytes, never from the name or the Content-Type a sender chose: JPEG, PNG, PDF,
/// or HEIC/HEIF (an iPhone photo), which is recognised only to be refused with a clear message (docs/0033).
/// </summary>
public static class FileSniffer
{
    public const string Heic = "image/heic";

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif"];

    /// <summary>The media type, <see cref="Heic"/>, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return DocumentTypes.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return DocumentTypes.Png;
        }

        // A PDF may have a few bytes before its header (PDF 32000-1, 7.5.2 is lenient in readers): look in the first kilobyte.
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentTypes.Pdf;
        }

        // ISO BMFF: a box size, "ftyp", then the major brand.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(Encoding.ASCII.GetString(head[8..12])))
        {
            return Heic;
        }

        return null;
    }
}
