using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class LicencePlateTests
{
    [Theory]
    [InlineData("AA-00-00", "AA0000", 1)]
    [InlineData("00-00-AA", "0000AA", 2)]
    [InlineData("00-AA-00", "00AA00", 3)]
    [InlineData("AA-00-AA", "AA00AA", 4)]
    [InlineData("AA 08 AM", "AA08AM", 4)]
    [InlineData("aa-08-am", "AA08AM", 4)]
    [InlineData(" 12.AB.34 ", "12AB34", 3)]
    [InlineData("12·AB·34", "12AB34", 3)]
    [InlineData("12–AB–34", "12AB34", 3)]
    [InlineData("ab1234", "AB1234", 1)]
    [InlineData("1234ab", "1234AB", 2)]
    public void Valid_plates(string raw, string compact, int series)
    {
        var r = LicencePlate.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(compact);
        LicencePlate.SeriesOf(compact).ShouldBe(series);
    }

    [Theory]
    [InlineData("A-00-00")]
    [InlineData("AAA-00-00")]
    [InlineData("00-00-00")]
    [InlineData("AA-AA-AA")]
    [InlineData("A0-00-AA")]
    [InlineData("AA-00-AA-00")]
    [InlineData("ÁA-00-AA")]
    [InlineData("AA/00/AA")]
    public void Invalid_plates(string raw)
    {
        var r = LicencePlate.Parse(raw);
        r.Code.ShouldBe("licence_plate.format");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => LicencePlate.Parse(raw).Code.ShouldBe("licence_plate.required");

    [Theory]
    [InlineData("KW1234", true)]
    [InlineData("1234YA", true)]
    [InlineData("12KA34", true)]
    [InlineData("AK12WY", false)]
    [InlineData("AB1234", false)]
    public void Unusual_letters_are_flagged_only_in_old_series(string compact, bool unusual)
    {
        LicencePlate.Parse(compact).Ok.ShouldBeTrue();
        LicencePlate.HasUnusualLetters(compact).ShouldBe(unusual);
    }

    [Theory]
    [InlineData("AA00AA", "AA-00-AA")]
    [InlineData("0000AA", "00-00-AA")]
    public void Display(string compact, string display) => LicencePlate.Display(compact).ShouldBe(display);
}
