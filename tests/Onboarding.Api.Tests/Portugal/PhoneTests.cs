using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class PhoneTests
{
    [Theory]
    [InlineData("+351 915 211 836", "+351915211836")]
    [InlineData("+351915211836", "+351915211836")]
    [InlineData("915211836", "+351915211836")]
    [InlineData(" 915 211 836 ", "+351915211836")]
    [InlineData("915-211-836", "+351915211836")]
    [InlineData("00351915211836", "+351915211836")]
    [InlineData("00351 915 211 836", "+351915211836")]
    [InlineData("351915211836", "+351915211836")]
    [InlineData("(+351) 915 211 836", "+351915211836")]
    [InlineData("+351 21 234 5678", "+351212345678")]
    [InlineData("351915211836@c.us", "+351915211836")]
    [InlineData("351915211836@s.whatsapp.net", "+351915211836")]
    [InlineData("351915211836:12@s.whatsapp.net", "+351915211836")]
    [InlineData("+919876543210", "+919876543210")]
    [InlineData("+9779841234567", "+9779841234567")]
    [InlineData("+244923123456", "+244923123456")]
    [InlineData("+2389912345", "+2389912345")]
    [InlineData("+8801712345678", "+8801712345678")]
    [InlineData("+923001234567", "+923001234567")]
    [InlineData("+212612345678", "+212612345678")]
    [InlineData("+5531996883193", "+5531996883193")]
    [InlineData("919876543210", "+919876543210")]
    public void Valid_numbers(string raw, string expected)
    {
        var r = Phone.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("553196883193@c.us", "+5531996883193")]
    [InlineData("553196883193", "+5531996883193")]
    [InlineData("+553196883193", "+5531996883193")]
    [InlineData("55 31 9688-3193", "+5531996883193")]
    [InlineData("5511987654321@c.us", "+5511987654321")]
    public void Brazil_ninth_digit_is_restored(string raw, string expected) => Phone.Parse(raw).Value.ShouldBe(expected);

    [Fact]
    public void Brazil_landline_is_not_changed() => Phone.Parse("+55 11 3333-4444").Value.ShouldBe("+551133334444");

    [Fact]
    public void Brazil_national_number_with_default_region_br() =>
        Phone.Parse("(31) 9688-3193", "BR").Value.ShouldBe("+5531996883193");

    [Theory]
    [InlineData("123")]
    [InlineData("abc")]
    [InlineData("91521183")]
    [InlineData("+351 123")]
    [InlineData("+351 915 211 836 123")]
    [InlineData("915211836x")]
    [InlineData("@c.us")]
    [InlineData("abc@c.us")]
    [InlineData("+000000000")]
    public void Invalid_numbers(string raw) => Phone.Parse(raw).Code.ShouldBe("phone.invalid");

    [Theory]
    [InlineData("123456789012345@lid")]
    [InlineData("120363025246125486@g.us")]
    [InlineData("status@broadcast")]
    [InlineData("351915211836@example.com")]
    public void Ids_that_are_not_phones(string raw) => Phone.Parse(raw).Code.ShouldBe("phone.not_a_phone");

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Phone.Parse(raw).Code.ShouldBe("phone.required");

    [Theory]
    [InlineData("351915211836@c.us", "+351915211836")]
    [InlineData("351915211836@s.whatsapp.net", "+351915211836")]
    [InlineData("553196883193@c.us", "+5531996883193")]
    [InlineData("123456789012345@lid", null)]
    [InlineData("120363025246125486@g.us", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void From_chat_id(string? chatId, string? expected) => Phone.FromChatId(chatId).ShouldBe(expected);

    [Fact]
    public void Whatsapp_digits_and_chat_id()
    {
        Phone.ToWhatsAppDigits("+351915211836").ShouldBe("351915211836");
        Phone.ToChatId("+351915211836").ShouldBe("351915211836@c.us");
        Phone.IsLid("1234@lid").ShouldBeTrue();
        Phone.IsLid("351915211836@c.us").ShouldBeFalse();
    }

    [Theory]
    [InlineData("+351915211836", true)]
    [InlineData("+351212345678", false)]
    [InlineData("+5531996883193", true)]
    public void Mobile_type(string e164, bool mobile) => Phone.IsMobile(e164).ShouldBe(mobile);
}
