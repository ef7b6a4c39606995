using Onboarding.Bridge.Bot.Rendering;

namespace Onboarding.Bridge.Tests.Bot;

public sealed class KeywordsTests
{
    private static readonly string[] Handoff = ["agente", "humano", "pessoa", "falar com alguém"];

    [Theory]
    [InlineData("agente")]
    [InlineData("Agente!")]
    [InlineData("  AGENTE.  ")]
    [InlineData("Humano 🙏")]
    [InlineData("falar com alguem")]
    [InlineData("Falar  com   ALGUÉM?")]
    public void The_whole_message_matches_ignoring_case_accents_and_punctuation(string typed)
    {
        Keywords.Matches(typed, Handoff).ShouldBeTrue();
    }

    [Theory]
    [InlineData("quero um agente")]
    [InlineData("agentes")]
    [InlineData("falar")]
    [InlineData("!!!")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_does_not_match(string? typed)
    {
        Keywords.Matches(typed, Handoff).ShouldBeFalse();
    }

    [Fact]
    public void Keywords_themselves_are_compared_loosely()
    {
        Keywords.Matches("recomecar", ["Recomeçar!"]).ShouldBeTrue();
        Keywords.Matches("x", []).ShouldBeFalse();
    }
}
