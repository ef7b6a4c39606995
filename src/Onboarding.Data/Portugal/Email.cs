using System.Globalization;
using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>E-mail address: trimmed, domain lower-cased, pragmatic RFC 5321/5322 check, at most 254 characters.</summary>
public static class Email
{
    /// <summary>Maximum length of an address (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    private const string AtextSymbols = "!#$%&'*+/=?^_`{|}~-";

    /// <summary>Parses " Joao.Silva@Gmail.COM " into "Joao.Silva@gmail.com".</summary>
    public static Parsed<string> Parse(string? raw)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.EmailRequired);
        }

        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[7..];
        }

        var at = s.LastIndexOf('@');
        if (s.Length > MaxLength || at <= 0 || at == s.Length - 1)
        {
            return Invalid();
        }

        var local = s[..at];
        var domain = s[(at + 1)..].ToLowerInvariant().TrimEnd('.');
        if (!IsValidLocal(local) || !IsValidDomain(domain))
        {
            return Invalid();
        }

        return Parsed<string>.Success($"{local}@{domain}");
    }

    private static bool IsValidLocal(string local) =>
        local.Length <= 64
        && local[0] != '.' && local[^1] != '.'
        && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || AtextSymbols.Contains(c, StringComparison.Ordinal)
                          || (c > 127 && char.IsLetterOrDigit(c)));

    private static bool IsValidDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || ascii.Length > 253)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        var tld = labels[^1];
        return tld.Length >= 2 && (tld.All(char.IsAsciiLetter) || tld.StartsWith("xn--", StringComparison.Ordinal));
    }

    private static Parsed<string> Invalid() => Parsed<string>.Fail(DriverTexts.EmailInvalid);
}
