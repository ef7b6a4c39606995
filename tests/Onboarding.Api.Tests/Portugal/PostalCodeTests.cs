using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class PostalCodeTests
{
    [Theory]
    [InlineData("1000-100", "1000-100")]
    [InlineData("1000100", "1000-100")]
    [InlineData("1000 100", "1000-100")]
    [InlineData(" 4000-322 ", "4000-322")]
    [InlineData("9500–150", "9500-150")]
    [InlineData("CP 1000-100", "1000-100")]
    public void Valid(string raw, string expected)
    {
        var r = PostalCode.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("1000-10")]
    [InlineData("10000-100")]
    [InlineData("0100-100")]
    [InlineData("ABCD-EFG")]
    [InlineData("1000-100 Lisboa")]
    public void Invalid(string raw)
    {
        var r = PostalCode.Parse(raw);
        r.Code.ShouldBe("postal_code.format");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => PostalCode.Parse(raw).Code.ShouldBe("postal_code.required");
}
