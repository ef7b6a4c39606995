using Onboarding.Data.Messages;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class TypebotInputTests
{
    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_values_are_blank(string? raw) => TypebotInput.IsBlank(raw).ShouldBeTrue();

    [Theory]
    [InlineData(" abc ", "abc")]
    [InlineData("\u00A0123\u200B ", "123")]
    [InlineData("nullable", "nullable")]
    public void Clean_trims(string raw, string expected) => TypebotInput.Clean(raw).ShouldBe(expected);

    [Fact]
    public void Parsed_success_and_failure()
    {
        var ok = Parsed<int>.Success(5);
        ok.Ok.ShouldBeTrue();
        ok.Value.ShouldBe(5);
        ok.Error.ShouldBeNull();
        ok.Code.ShouldBeNull();

        var fail = Parsed<int>.Fail(DriverTexts.NifFormat);
        fail.Ok.ShouldBeFalse();
        fail.Code.ShouldBe("nif.format");
        fail.Message.ShouldBe("O NIF deve ter 9 algarismos.");
        fail.Error!.In(Language.English).ShouldBe("The NIF must have 9 digits.");
    }
}
