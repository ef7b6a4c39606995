using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class BirthDateTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);

    [Theory]
    [InlineData("25/04/1990", 1990, 4, 25)]
    [InlineData("5/4/1990", 1990, 4, 5)]
    [InlineData("05-04-1990", 1990, 4, 5)]
    [InlineData("05.04.1990", 1990, 4, 5)]
    [InlineData(" 05 / 04 / 1990 ", 1990, 4, 5)]
    [InlineData("1990-04-05", 1990, 4, 5)]
    [InlineData("1990-04-05T00:00:00", 1990, 4, 5)]
    [InlineData("1990-04-05T00:00:00.000Z", 1990, 4, 5)]
    [InlineData("1990-04-05T10:30:00+01:00", 1990, 4, 5)]
    [InlineData("1990-04-05 10:30", 1990, 4, 5)]
    [InlineData("29/02/2000", 2000, 2, 29)]
    [InlineData("15/05/2008", 2008, 5, 15)]
    [InlineData("16/05/1925", 1925, 5, 16)]
    public void Valid(string raw, int y, int m, int d)
    {
        var r = BirthDate.Parse(raw, Today);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("31/02/1990")]
    [InlineData("29/02/1991")]
    [InlineData("00/01/1990")]
    [InlineData("01/13/1990")]
    [InlineData("1990/04/05")]
    [InlineData("05/04/90")]
    [InlineData("05-04/1990")]
    [InlineData("25 de abril de 1990")]
    [InlineData("abc")]
    [InlineData("19900405")]
    [InlineData("1990-13-01")]
    public void Bad_format(string raw)
    {
        var r = BirthDate.Parse(raw, Today);
        r.Code.ShouldBe("birth_date.format");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("16/05/2026")]
    [InlineData("2030-01-01")]
    public void Future(string raw) => BirthDate.Parse(raw, Today).Code.ShouldBe("birth_date.future");

    [Theory]
    [InlineData("16/05/2008")]
    [InlineData("15/05/2026")]
    [InlineData("2010-01-01")]
    public void Underage(string raw) => BirthDate.Parse(raw, Today).Code.ShouldBe("birth_date.underage");

    [Theory]
    [InlineData("15/05/1925")]
    [InlineData("1900-01-01")]
    [InlineData("01/01/0001")]
    public void Implausible(string raw) => BirthDate.Parse(raw, Today).Code.ShouldBe("birth_date.implausible");

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => BirthDate.Parse(raw, Today).Code.ShouldBe("birth_date.required");

    [Theory]
    [InlineData(2000, 2, 29, 2018, 2, 28, 17)]
    [InlineData(2000, 2, 29, 2018, 3, 1, 18)]
    [InlineData(1990, 5, 15, 2026, 5, 15, 36)]
    [InlineData(1990, 5, 16, 2026, 5, 15, 35)]
    public void Age(int by, int bm, int bd, int ty, int tm, int td, int age) =>
        BirthDate.AgeOn(new DateOnly(by, bm, bd), new DateOnly(ty, tm, td)).ShouldBe(age);
}
