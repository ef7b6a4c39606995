using Onboarding.Bridge.Outbound.Transport;

namespace Onboarding.Bridge.Tests.Clients.CloudApi;

/// <summary>Meta's limits for interactive messages: 3 reply buttons of 20 characters, 10 list rows of 24.</summary>
public sealed class ChoiceShapeTests
{
    [Fact]
    public void Buttons_then_a_list_then_the_numbered_text()
    {
        CloudApiTransport.Shape("Q?", ["Sim", "Não"]).ShouldBe(ChoiceShape.Buttons);
        CloudApiTransport.Shape("Q?", ["12345678901234567890", "b", "c"]).ShouldBe(ChoiceShape.Buttons);
        CloudApiTransport.Shape("Q?", ["123456789012345678901", "b"]).ShouldBe(ChoiceShape.List);
        CloudApiTransport.Shape("Q?", ["a", "b", "c", "d"]).ShouldBe(ChoiceShape.List);
        CloudApiTransport.Shape("Q?", [.. Enumerable.Range(1, 10).Select(i => $"o{i}")]).ShouldBe(ChoiceShape.List);
        CloudApiTransport.Shape("Q?", [.. Enumerable.Range(1, 11).Select(i => $"o{i}")]).ShouldBe(ChoiceShape.Text);
        CloudApiTransport.Shape("Q?", ["1234567890123456789012345", "b"]).ShouldBe(ChoiceShape.Text);
    }

    [Fact]
    public void Repeated_titles_an_empty_or_too_long_question_fall_back_to_text()
    {
        CloudApiTransport.Shape("Q?", ["Sim", "Sim"]).ShouldBe(ChoiceShape.Text);
        CloudApiTransport.Shape(" ", ["Sim", "Não"]).ShouldBe(ChoiceShape.Text);
        CloudApiTransport.Shape(new string('x', 1025), ["Sim", "Não"]).ShouldBe(ChoiceShape.Text);
    }

    [Theory]
    [InlineData("image/jpeg", "image")]
    [InlineData("image/webp", "document")]
    [InlineData("video/mp4", "video")]
    [InlineData("audio/ogg; codecs=opus", "audio")]
    [InlineData("application/pdf", "document")]
    public void A_file_goes_as_the_type_meta_accepts_for_it(string mime, string kind) => CloudApiTransport.KindOf(mime).ShouldBe(kind);
}
