using Onboarding.Api.Features.Drivers.RegisterDriver;
using Onboarding.Data.Messages;

namespace Onboarding.Api.Tests.Features.Drivers;

/// <summary>Which language an <c>Accept-Language</c> header gets from the registration route.</summary>
public sealed class AnswerLanguageTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("EN")]
    [InlineData("en-GB,en;q=0.9")]
    [InlineData("en-US")]
    [InlineData("fr-FR, en;q=0.5")]
    [InlineData("pt-PT;q=0.4, en-GB;q=0.8")]
    public void English_when_it_is_the_callers_first_language_we_speak(string header) =>
        AnswerLanguage.FromHeader(header).ShouldBe(Language.English);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pt-PT")]
    [InlineData("pt")]
    [InlineData("pt-BR,en;q=0.9")]
    [InlineData("*")]
    [InlineData("fr-FR")]
    [InlineData("xx")]
    [InlineData("english")]
    [InlineData("eng")]
    [InlineData("en;q=0")]
    [InlineData("en;q=nope")]
    [InlineData(";;;")]
    public void Portuguese_for_everything_else(string? header) =>
        AnswerLanguage.FromHeader(header).ShouldBe(Language.Portuguese);
}
