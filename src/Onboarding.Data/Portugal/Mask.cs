namespace Onboarding.Data.Portugal;

/// <summary>Masks personal identifiers for logs and the agents' summary note.</summary>
public static class Mask
{
    /// <summary>"+351915211836" → "+351*****1836" (country code and last 4 digits kept).</summary>
    public static string Phone(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return string.Empty;
        }

        var digits = Portugal.Phone.ToWhatsAppDigits(e164);
        if (digits.Length <= 6)
        {
            return new string('*', digits.Length);
        }

        var cc = Portugal.Phone.CountryCodeOf("+" + digits)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keepStart = cc is not null && cc.Length + 4 < digits.Length ? cc.Length : 0;
        return "+" + digits[..keepStart] + new string('*', digits.Length - keepStart - 4) + digits[^4..];
    }

    /// <summary>"123456789" → "******789" (last 3 kept).</summary>
    public static string Nif(string? nif) => KeepEnd(nif, 3);

    /// <summary>"PT50000201231234567890154" → "PT50 **** **** **** **** *015 4" (country, check and last 4 kept).</summary>
    public static string Iban(string? iban)
    {
        if (string.IsNullOrWhiteSpace(iban))
        {
            return string.Empty;
        }

        var s = TypebotInput.Remove(iban, char.IsWhiteSpace);
        if (s.Length <= 8)
        {
            return new string('*', s.Length);
        }

        var masked = s[..4] + new string('*', s.Length - 8) + s[^4..];
        return Portugal.Iban.Display(masked);
    }

    /// <summary>"joao.silva@gmail.com" → "j***@gmail.com".</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? KeepEnd(email, 0) : email[0] + "***" + email[at..];
    }

    /// <summary>API keys and tokens: "sk_live_abcdef" → "sk_l…"; values of 8 characters or fewer → "…".</summary>
    public static string Secret(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return string.Empty;
        }

        return key.Length <= 8 ? "…" : key[..4] + "…";
    }

    private static string KeepEnd(string? value, int keep)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var s = value.Trim();
        return s.Length <= keep ? new string('*', s.Length) : new string('*', s.Length - keep) + s[^keep..];
    }
}
