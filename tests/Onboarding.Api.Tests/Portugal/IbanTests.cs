using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class IbanTests
{
    [Theory]
    [InlineData("PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154")]
    [InlineData("PT50000201231234567890154", "PT50000201231234567890154")]
    [InlineData(" pt50 0002 0123 1234 5678 9015 4 ", "PT50000201231234567890154")]
    [InlineData("PT50-0002-0123-1234-5678-9015-4", "PT50000201231234567890154")]
    [InlineData("IBAN: PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154")]
    [InlineData("IBAN PT50000201231234567890154", "PT50000201231234567890154")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("LT12 1000 0111 0100 1000", "LT121000011101001000")]
    [InlineData("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332")]
    [InlineData("CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456")]
    [InlineData("AT61 1904 3002 3457 3201", "AT611904300234573201")]
    [InlineData("NO93 8601 1117 947", "NO9386011117947")]
    [InlineData("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S")]
    public void Valid_ibans(string raw, string expected)
    {
        var r = Iban.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("PT50000201231234567890155")]
    [InlineData("PT51000201231234567890154")]
    [InlineData("PT50 0002 0123 1234 5678 9015 5")]
    [InlineData("DE88370400440532013000")]
    [InlineData("GB28NWBK60161331926819")]
    public void Bad_checksum(string raw)
    {
        var r = Iban.Parse(raw);
        r.Code.ShouldBe("iban.checksum");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("PT5000020123123456789015")]
    [InlineData("PT500002012312345678901544")]
    [InlineData("DE8937040044053201300")]
    public void Wrong_length_for_country(string raw) => Iban.Parse(raw).Code.ShouldBe("iban.country_length");

    [Theory]
    [InlineData("BR1800360305000010009795493C1")]
    [InlineData("US12345678901234567")]
    [InlineData("XX89370400440532013000")]
    public void Country_outside_sepa(string raw) => Iban.Parse(raw).Code.ShouldBe("iban.country_unsupported");

    [Theory]
    [InlineData("0002 0123 1234 5678 9015 4")]
    [InlineData("PTXX000201231234567890154")]
    [InlineData("PT50 0002 0123 1234 5678 9015 #")]
    [InlineData("PT50000201231234567890A54")]
    [InlineData("PT50")]
    [InlineData("1234")]
    public void Bad_format(string raw) => Iban.Parse(raw).Code.ShouldBe("iban.format");

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Iban.Parse(raw).Code.ShouldBe("iban.required");

    [Fact]
    public void Display_groups_by_four() =>
        Iban.Display("PT50000201231234567890154").ShouldBe("PT50 0002 0123 1234 5678 9015 4");

    [Fact]
    public void Every_listed_country_has_a_plausible_length()
    {
        Iban.CountryLengths.Count.ShouldBeGreaterThanOrEqualTo(36);
        Iban.CountryLengths.Values.ShouldAllBe(l => l >= 15 && l <= 34);
        foreach (var c in new[] { "PT", "ES", "FR", "DE", "IE", "LT", "BE", "CH", "GB", "MC", "SM", "VA", "AD", "NO", "IS", "LI" })
        {
            Iban.CountryLengths.ShouldContainKey(c);
        }
    }
}
