using Onboarding.Data.Messages;

namespace Onboarding.Data.Portugal;

/// <summary>What the leading digits of a NIF say about its holder (domain-pt.md §1).</summary>
public enum NifKind
{
    /// <summary>Prefix 1, 2 or 3: natural person.</summary>
    Person,

    /// <summary>Prefix 45: non-resident natural person (accepted, worth a flag).</summary>
    NonResidentPerson,

    /// <summary>Prefix 5: legal person (company).</summary>
    Company,

    /// <summary>Any other prefix (public bodies, estates, funds, condominiums, obsolete ranges...).</summary>
    Other,
}

/// <summary>Número de Identificação Fiscal: 9 digits, mod-11 check digit, person-prefix policy.</summary>
public static class Nif
{
    /// <summary>Parses a NIF accepting only natural persons (1, 2, 3, 45).</summary>
    public static Parsed<string> Parse(string? raw) => Parse(raw, allowCompanies: false);

    /// <summary>
    /// Parses a NIF ("123 456 789", "123.456.789", "PT123456789") into 9 digits. Natural persons (1, 2, 3, 45) are
    /// accepted; companies (5) only when <paramref name="allowCompanies"/>; every other prefix is rejected.
    /// </summary>
    public static Parsed<string> Parse(string? raw, bool allowCompanies)
    {
        var s = TypebotInput.Clean(raw);
        if (s is null)
        {
            return Parsed<string>.Fail(DriverTexts.NifRequired);
        }

        s = TypebotInput.Remove(s, TypebotInput.IsSeparator).ToUpperInvariant();
        if (s.StartsWith("PT", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        if (s.Length != 9 || !s.All(char.IsAsciiDigit))
        {
            return Parsed<string>.Fail(DriverTexts.NifFormat);
        }

        if (!IsValidChecksum(s))
        {
            return Parsed<string>.Fail(DriverTexts.NifChecksum);
        }

        var kind = KindOf(s);
        if (kind is NifKind.Person or NifKind.NonResidentPerson || (kind == NifKind.Company && allowCompanies))
        {
            return Parsed<string>.Success(s);
        }

        return Parsed<string>.Fail(DriverTexts.NifNotPerson);
    }

    /// <summary>True when <paramref name="nif"/> is 9 digits with a correct mod-11 check digit.</summary>
    public static bool IsValidChecksum(string? nif)
    {
        if (nif is null || nif.Length != 9 || !nif.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (nif[i] - '0') * (9 - i);
        }

        var r = sum % 11;
        var check = r < 2 ? 0 : 11 - r;
        return check == nif[8] - '0';
    }

    /// <summary>Classifies a 9-digit NIF by its leading digits.</summary>
    public static NifKind KindOf(string nif)
    {
        ArgumentNullException.ThrowIfNull(nif);
        if (nif.Length < 2)
        {
            return NifKind.Other;
        }

        return nif[0] switch
        {
            '1' or '2' or '3' => NifKind.Person,
            '4' when nif[1] == '5' => NifKind.NonResidentPerson,
            '5' => NifKind.Company,
            _ => NifKind.Other,
        };
    }
}
