using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class FullNameTests
{
    [Theory]
    [InlineData("Maria Silva", "Maria Silva")]
    [InlineData("  maria   da   silva  ", "maria da silva")]
    [InlineData("José Conceição", "José Conceição")]
    [InlineData("Ana-Rita O’Neill", "Ana-Rita O'Neill")]
    [InlineData("J. R. R. Tolkien", "J. R. R. Tolkien")]
    [InlineData("Rāmesh Shrestha", "Rāmesh Shrestha")]
    [InlineData("राम बहादुर", "राम बहादुर")]
    [InlineData("Mohammed\tAl\u00A0Amin", "Mohammed Al Amin")]
    public void Valid(string raw, string expected)
    {
        var r = FullName.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Fact]
    public void Decomposed_accents_are_composed() =>
        FullName.Parse("Jose\u0301 Silva").Value.ShouldBe("José Silva");

    [Theory]
    [InlineData("Maria")]
    [InlineData("  Maria  ")]
    [InlineData("A")]
    public void Too_short(string raw) => FullName.Parse(raw).Code.ShouldBe("full_name.too_short");

    [Theory]
    [InlineData("Maria Silva 2")]
    [InlineData("Maria_Silva Costa")]
    [InlineData("maria@silva.pt x")]
    [InlineData("Maria - Silva")]
    [InlineData("Maria 😀")]
    public void Invalid(string raw)
    {
        var r = FullName.Parse(raw);
        r.Code.ShouldBe("full_name.invalid");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Too_long() => FullName.Parse("Maria " + new string('a', 120)).Code.ShouldBe("full_name.invalid");

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => FullName.Parse(raw).Code.ShouldBe("full_name.required");
}
