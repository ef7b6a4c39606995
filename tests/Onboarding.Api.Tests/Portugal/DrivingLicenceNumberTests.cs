using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class DrivingLicenceNumberTests
{
    [Theory]
    [InlineData("L-1234567 8", "L-1234567 8")]
    [InlineData("l-1234567 8", "L-1234567 8")]
    [InlineData("L12345678", "L-1234567 8")]
    [InlineData(" L - 1234567 8 ", "L-1234567 8")]
    [InlineData("LL-12345 6", "LL-12345 6")]
    [InlineData("LL-123456 7", "LL-123456 7")]
    [InlineData("L-123456 7", "L-123456 7")]
    [InlineData("L-12345678 9", "L-12345678 9")]
    [InlineData("P-123456 7", "P-123456 7")]
    [InlineData("av-1234567 8", "AV-1234567 8")]
    public void Portuguese(string raw, string expected)
    {
        var r = DrivingLicenceNumber.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value!.Value.ShouldBe(expected);
        r.Value.IsPortugueseFormat.ShouldBeTrue();
    }

    [Theory]
    [InlineData("12345678901", "12345678901")]
    [InlineData("morga657054sm9ij", "MORGA657054SM9IJ")]
    [InlineData("DL-0420110149646", "DL-0420110149646")]
    [InlineData("x1234567  z", "X1234567 Z")]
    [InlineData("AB 123/456", "AB 123/456")]
    public void Foreign(string raw, string expected)
    {
        var r = DrivingLicenceNumber.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value!.Value.ShouldBe(expected);
        r.Value.IsPortugueseFormat.ShouldBeFalse();
    }

    [Theory]
    [InlineData("123456789012345678901")]
    [InlineData("ABCDEFGH")]
    [InlineData("L-123#")]
    [InlineData("12")]
    [InlineData("Ç-1234567 8")]
    public void Invalid(string raw)
    {
        var r = DrivingLicenceNumber.Parse(raw);
        r.Code.ShouldBe("driving_licence_number.format");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) =>
        DrivingLicenceNumber.Parse(raw).Code.ShouldBe("driving_licence_number.required");
}
