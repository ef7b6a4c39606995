using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class MaskTests
{
    [Theory]
    [InlineData("+351915211836", "+351*****1836")]
    [InlineData("+5531996883193", "+55*******3193")]
    [InlineData("+919876543210", "+91******3210")]
    [InlineData("+2389912345", "+238***2345")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phone(string? e164, string expected) => Mask.Phone(e164).ShouldBe(expected);

    [Theory]
    [InlineData("123456789", "******789")]
    [InlineData("12", "**")]
    [InlineData(null, "")]
    public void Nif(string? nif, string expected) => Mask.Nif(nif).ShouldBe(expected);

    [Theory]
    [InlineData("PT50000201231234567890154", "PT50 **** **** **** **** *015 4")]
    [InlineData("DE89370400440532013000", "DE89 **** **** **** **30 00")]
    [InlineData(null, "")]
    public void Iban(string? iban, string expected) => Mask.Iban(iban).ShouldBe(expected);

    [Fact]
    public void Iban_keeps_only_country_check_and_last_four()
    {
        var masked = Mask.Iban("PT50000201231234567890154").Replace(" ", string.Empty, StringComparison.Ordinal);
        masked.ShouldStartWith("PT50");
        masked.ShouldEndWith("0154");
        masked.Count(char.IsDigit).ShouldBe(6);
    }

    [Theory]
    [InlineData("sk_live_abcdefgh", "sk_l…")]
    [InlineData("short", "…")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Secret(string? key, string expected) => Mask.Secret(key).ShouldBe(expected);

    [Theory]
    [InlineData("joao.silva@gmail.com", "j***@gmail.com")]
    [InlineData(null, "")]
    public void Email(string? email, string expected) => Mask.Email(email).ShouldBe(expected);
}
