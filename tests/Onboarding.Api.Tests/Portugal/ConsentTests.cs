using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class ConsentTests
{
    [Theory]
    [InlineData("sim", true)]
    [InlineData("Sim", true)]
    [InlineData(" SIM ", true)]
    [InlineData("s", true)]
    [InlineData("yes", true)]
    [InlineData("y", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("aceito", true)]
    [InlineData("Aceitar", true)]
    [InlineData("concordo", true)]
    [InlineData("ok", true)]
    [InlineData("OK!", true)]
    [InlineData("Sim, aceito", true)]
    [InlineData("não", false)]
    [InlineData("Não", false)]
    [InlineData("nao", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("Não aceito", false)]
    public void Known(string raw, bool accepted)
    {
        var r = Consent.ParseAccepted(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(accepted);
    }

    [Theory]
    [InlineData("talvez")]
    [InlineData("2")]
    [InlineData("depois")]
    public void Invalid(string raw)
    {
        var r = Consent.ParseAccepted(raw);
        r.Code.ShouldBe("privacy_accepted.invalid");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Consent.ParseAccepted(raw).Code.ShouldBe("privacy_accepted.required");
}
