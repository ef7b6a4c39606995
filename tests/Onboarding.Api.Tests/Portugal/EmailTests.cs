using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class EmailTests
{
    [Theory]
    [InlineData("joao.silva@gmail.com", "joao.silva@gmail.com")]
    [InlineData("  Joao.Silva@Gmail.COM ", "Joao.Silva@gmail.com")]
    [InlineData("mailto:ana@sapo.pt", "ana@sapo.pt")]
    [InlineData("ana+driver@sub.example.co.uk", "ana+driver@sub.example.co.uk")]
    [InlineData("o'neil@example.pt", "o'neil@example.pt")]
    [InlineData("ana@exemplo.pt.", "ana@exemplo.pt")]
    [InlineData("joão@correio.pt", "joão@correio.pt")]
    [InlineData("ana@ação.pt", "ana@ação.pt")]
    public void Valid(string raw, string expected)
    {
        var r = Email.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("joao")]
    [InlineData("joao@")]
    [InlineData("@gmail.com")]
    [InlineData("joao@gmail")]
    [InlineData("joao@@gmail.com")]
    [InlineData("joao silva@gmail.com")]
    [InlineData(".joao@gmail.com")]
    [InlineData("joao.@gmail.com")]
    [InlineData("jo..ao@gmail.com")]
    [InlineData("joao@gmail..com")]
    [InlineData("joao@-gmail.com")]
    [InlineData("joao@gmail.c")]
    [InlineData("joao@gmail.123")]
    [InlineData("joao@gmail,com")]
    public void Invalid(string raw)
    {
        var r = Email.Parse(raw);
        r.Code.ShouldBe("email.invalid");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Too_long()
    {
        Email.Parse(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".pt")
            .Code.ShouldBe("email.invalid");
        Email.Parse(new string('a', 65) + "@example.pt").Code.ShouldBe("email.invalid");
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Email.Parse(raw).Code.ShouldBe("email.required");
}
