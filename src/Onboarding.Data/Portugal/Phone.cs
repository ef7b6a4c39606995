using Onboarding.Data.Messages;
using PhoneNumbers;

namespace Onboarding.Data.Portugal;

/// <summary>
/// Phone numbers (E.164 via libphonenumber) and WhatsApp chat ids ("351915211836@c.us"). LID ("@lid") and group
/// ("@g.us") ids are never phone numbers (domain-pt.md §6).
/// </summary>
public static class Phone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly HashSet<string> PhoneServers = new(StringComparer.OrdinalIgnoreCase)
    {
        "c.us", "s.whatsapp.net",
    };

    /// <summary>
    /// Parses a typed number ("+351 915 211 836", "915211836", "00351915211836", "351915211836") or a WhatsApp id
    /// ("351915211836@c.us", "...@s.whatsapp.net") into E.164. Old 12-digit Brazilian mobile numbers get their 9th
    /// digit back. Blank input gives <c>phone.required</c>; the caller decides whether that is an error.
    /// </summary>
    public static Parsed<string> Parse(string? raw, string defaultRegion = "PT")
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.PhoneRequired);
        }

        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return ParseChatId(s, at);
        }

        if (!s.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '/' || TypebotInput.IsSeparator(c)))
        {
            return Invalid();
        }

        var plus = s.StartsWith('+');
        var digits = TypebotInput.Remove(s, c => !char.IsAsciiDigit(c));
        if (digits.Length < 4 || digits.Length > 17)
        {
            return Invalid();
        }

        if (plus)
        {
            return FromInternational(digits);
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return FromInternational(digits[2..]);
        }

        // National number for the default region first ("915211836"), then the digits as an international
        // number typed without "+" ("351915211836", "5531988887777").
        var national = TryParse(digits, defaultRegion);
        if (national is not null)
        {
            return Parsed<string>.Success(national);
        }

        return FromInternational(digits);
    }

    /// <summary>
    /// E.164 for a WhatsApp contact id ("351915211836@c.us", "351915211836:12@s.whatsapp.net"), or null for
    /// LIDs, groups, broadcasts and anything that is not a valid number.
    /// </summary>
    public static string? FromChatId(string? chatId)
    {
        var s = TypebotInput.Clean(chatId);
        if (s is null)
        {
            return null;
        }

        var at = s.IndexOf('@', StringComparison.Ordinal);
        var parsed = at >= 0 ? ParseChatId(s, at) : FromInternational(TypebotInput.Remove(s, c => !char.IsAsciiDigit(c)));
        return parsed.Ok ? parsed.Value : null;
    }

    /// <summary>True when the chat id is a privacy "linked id" (…@lid), which must never be read as a phone.</summary>
    public static bool IsLid(string? chatId) =>
        chatId is not null && chatId.TrimEnd().EndsWith("@lid", StringComparison.OrdinalIgnoreCase);

    /// <summary>"+351915211836" → "351915211836" (the user part of a WhatsApp id).</summary>
    public static string ToWhatsAppDigits(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return TypebotInput.Remove(e164, c => !char.IsAsciiDigit(c));
    }

    /// <summary>"+351915211836" → "351915211836@c.us".</summary>
    public static string ToChatId(string e164) => ToWhatsAppDigits(e164) + "@c.us";

    /// <summary>True when libphonenumber classifies the E.164 number as mobile (or fixed-or-mobile).</summary>
    public static bool IsMobile(string e164)
    {
        try
        {
            var n = Util.Parse(e164, null);
            return Util.GetNumberType(n) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Country calling code of an E.164 number (351 for "+351..."), or null.</summary>
    public static int? CountryCodeOf(string e164)
    {
        try
        {
            return Util.Parse(e164, null).CountryCode;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static Parsed<string> ParseChatId(string s, int at)
    {
        var server = s[(at + 1)..].Trim();
        var user = s[..at].Trim();
        if (!PhoneServers.Contains(server))
        {
            return Parsed<string>.Fail(DriverTexts.PhoneNotAPhone);
        }

        // Multi-device ids may carry a device suffix: "351915211836:12@s.whatsapp.net".
        var colon = user.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            user = user[..colon];
        }

        if (user.Length == 0 || !user.All(char.IsAsciiDigit))
        {
            return Invalid();
        }

        return FromInternational(user);
    }

    private static Parsed<string> FromInternational(string digits)
    {
        if (digits.Length is < 7 or > 15)
        {
            return Invalid();
        }

        digits = FixBrazilNinthDigit(digits);
        var e164 = TryParse("+" + digits, null);
        return e164 is null ? Invalid() : Parsed<string>.Success(e164);
    }

    /// <summary>
    /// Old Brazilian mobile numbers (ANATEL Res. 553/2010): "55" + DDD + 8-digit subscriber starting 6–9 gets the
    /// leading 9 back ("553188887777" → "5531988887777"). Landlines (subscriber 2–5) are left alone.
    /// </summary>
    internal static string FixBrazilNinthDigit(string digits)
    {
        if (digits.Length == 12 && digits.StartsWith("55", StringComparison.Ordinal) && digits[4] is >= '6' and <= '9')
        {
            return digits[..4] + "9" + digits[4..];
        }

        return digits;
    }

    private static string? TryParse(string number, string? region)
    {
        try
        {
            var n = Util.Parse(number, region);
            if (n.CountryCode == 55 && region is not null)
            {
                // Same fix for a national Brazilian number typed with default region BR.
                var fixedDigits = FixBrazilNinthDigit("55" + n.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
                n = Util.Parse("+" + fixedDigits, null);
            }

            return Util.IsValidNumber(n) ? Util.Format(n, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static Parsed<string> Invalid() => Parsed<string>.Fail(DriverTexts.PhoneInvalid);
}
