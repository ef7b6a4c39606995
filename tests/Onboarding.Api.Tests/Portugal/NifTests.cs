using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class NifTests
{
    [Theory]
    [InlineData("123456789", "123456789")]
    [InlineData("299999998", "299999998")]
    [InlineData("300000006", "300000006")]
    [InlineData("451234561", "451234561")]
    [InlineData("136695973", "136695973")]
    [InlineData(" 123 456 789 ", "123456789")]
    [InlineData("123.456.789", "123456789")]
    [InlineData("123-456-789", "123456789")]
    [InlineData("PT123456789", "123456789")]
    [InlineData("pt 123 456 789", "123456789")]
    [InlineData("PT-123.456.789", "123456789")]
    [InlineData("123\u00A0456\u00A0789", "123456789")]
    public void Valid_person_nifs(string raw, string expected)
    {
        var r = Nif.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("123456780")]
    [InlineData("501964842")]
    [InlineData("123 456 788")]
    public void Bad_check_digit(string raw)
    {
        var r = Nif.Parse(raw);
        r.Code.ShouldBe("nif.checksum");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678a")]
    [InlineData("abc")]
    [InlineData("PT")]
    [InlineData("ES123456789")]
    [InlineData("+123456789")]
    public void Bad_format(string raw)
    {
        var r = Nif.Parse(raw);
        r.Code.ShouldBe("nif.format");
        r.Message.ShouldBe("O NIF deve ter 9 algarismos.");
    }

    [Theory]
    [InlineData("999999990")]
    [InlineData("501964843")]
    [InlineData("PT 501 964 843")]
    public void Valid_checksum_but_not_a_person(string raw)
    {
        Nif.IsValidChecksum(raw.Replace("PT", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)).ShouldBeTrue();
        Nif.Parse(raw).Code.ShouldBe("nif.prefix_not_person");
    }

    [Fact]
    public void Companies_are_accepted_when_allowed()
    {
        Nif.Parse("PT 501 964 843", allowCompanies: true).Value.ShouldBe("501964843");
        Nif.Parse("999999990", allowCompanies: true).Code.ShouldBe("nif.prefix_not_person");
    }

    [Theory]
    [InlineData("6", NifKind.Other)]
    [InlineData("70", NifKind.Other)]
    [InlineData("71", NifKind.Other)]
    [InlineData("72", NifKind.Other)]
    [InlineData("74", NifKind.Other)]
    [InlineData("75", NifKind.Other)]
    [InlineData("77", NifKind.Other)]
    [InlineData("78", NifKind.Other)]
    [InlineData("79", NifKind.Other)]
    [InlineData("8", NifKind.Other)]
    [InlineData("90", NifKind.Other)]
    [InlineData("91", NifKind.Other)]
    [InlineData("98", NifKind.Other)]
    [InlineData("99", NifKind.Other)]
    [InlineData("40", NifKind.Other)]
    [InlineData("45", NifKind.NonResidentPerson)]
    [InlineData("5", NifKind.Company)]
    [InlineData("1", NifKind.Person)]
    [InlineData("2", NifKind.Person)]
    [InlineData("3", NifKind.Person)]
    public void Prefix_policy(string prefix, NifKind kind)
    {
        var nif = WithCheckDigit(prefix.PadRight(8, '1'));
        Nif.IsValidChecksum(nif).ShouldBeTrue();
        Nif.KindOf(nif).ShouldBe(kind);
        var r = Nif.Parse(nif, allowCompanies: false);
        if (kind is NifKind.Person or NifKind.NonResidentPerson)
        {
            r.Value.ShouldBe(nif);
        }
        else
        {
            r.Code.ShouldBe("nif.prefix_not_person");
        }
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Nif.Parse(raw).Code.ShouldBe("nif.required");

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("451234561", true)]
    [InlineData("123456780", false)]
    [InlineData("12345678", false)]
    [InlineData(null, false)]
    public void Checksum(string? nif, bool valid) => Nif.IsValidChecksum(nif).ShouldBe(valid);

    private static string WithCheckDigit(string first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (first8[i] - '0') * (9 - i);
        }

        var r = sum % 11;
        return first8 + (r < 2 ? 0 : 11 - r);
    }
}
