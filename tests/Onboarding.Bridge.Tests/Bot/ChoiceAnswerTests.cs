using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>Typed replies to a numbered choice list, resolved to the item Typebot expects.</summary>
public sealed class ChoiceAnswerTests
{
    private static readonly TypebotInputBlock Districts = Turns.Input("""
        {"id":"c","type":"choice input","items":[{"id":"i1","content":"Lisboa"},{"id":"i2","content":"Porto"},{"id":"i3","content":"Évora","value":"PT-07"}]}
        """);

    private static readonly TypebotInputBlock Shifts = Turns.Input("""
        {"id":"m","type":"choice input","options":{"isMultipleChoice":true},
         "items":[{"id":"s1","content":"Manhãs"},{"id":"s2","content":"Tardes e noites"},{"id":"s3","content":"Fins de semana"}]}
        """);

    [Theory]
    [InlineData("1", "i1", "Lisboa")]
    [InlineData("2.", "i2", "Porto")]
    [InlineData(" 3 ", "i3", "Évora")]
    [InlineData("Lisboa", "i1", "Lisboa")]
    [InlineData("lisboa", "i1", "Lisboa")]
    [InlineData("LISBOA.", "i1", "Lisboa")]
    [InlineData("  porto!! ", "i2", "Porto")]
    [InlineData("Évora", "i3", "Évora")]
    [InlineData("evora", "i3", "Évora")]
    [InlineData("ÉVORA?", "i3", "Évora")]
    public void A_single_choice_is_matched_by_number_or_loose_label(string typed, string replyId, string text)
    {
        ChoiceAnswer.Resolve(Districts, typed).ShouldBe(new TypebotAnswer(text, replyId));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("quero lisboa")]
    [InlineData("Lisbon")]
    [InlineData("")]
    public void No_match_goes_to_typebot_as_typed(string typed)
    {
        ChoiceAnswer.Resolve(Districts, typed).ShouldBe(new TypebotAnswer(typed));
    }

    [Fact]
    public void A_label_that_is_a_number_wins_over_the_position()
    {
        var days = Turns.Input("""{"id":"d","type":"choice input","items":[{"id":"a","content":"5"},{"id":"b","content":"1"}]}""");

        ChoiceAnswer.Resolve(days, "1").ShouldBe(new TypebotAnswer("1", "b"));
        ChoiceAnswer.Resolve(days, "2").ShouldBe(new TypebotAnswer("1", "b"));
        ChoiceAnswer.Resolve(days, "5").ShouldBe(new TypebotAnswer("5", "a"));
    }

    [Theory]
    [InlineData("1, 3")]
    [InlineData("3,1")]
    [InlineData("1 e 3")]
    [InlineData("1 3")]
    [InlineData("1. 3.")]
    [InlineData("manhas, fins de semana")]
    [InlineData("Manhãs e Fins de semana")]
    [InlineData("1; fins de semana")]
    public void A_multiple_choice_takes_numbers_or_labels_in_the_menu_order(string typed)
    {
        ChoiceAnswer.Resolve(Shifts, typed).ShouldBe(new TypebotAnswer("Manhãs, Fins de semana"));
    }

    [Fact]
    public void A_multiple_choice_label_may_contain_the_word_e()
    {
        ChoiceAnswer.Resolve(Shifts, "tardes e noites").ShouldBe(new TypebotAnswer("Tardes e noites"));
        ChoiceAnswer.Resolve(Shifts, "2").ShouldBe(new TypebotAnswer("Tardes e noites"));
    }

    [Theory]
    [InlineData("1, 9")]
    [InlineData("manhãs, domingos")]
    [InlineData("todas")]
    public void A_multiple_choice_with_an_unknown_part_goes_as_typed(string typed)
    {
        ChoiceAnswer.Resolve(Shifts, typed).ShouldBe(new TypebotAnswer(typed));
    }

    [Fact]
    public void Other_inputs_take_the_text_as_typed()
    {
        var text = Turns.Input("""{"id":"t","type":"text input","options":{}}""");

        ChoiceAnswer.Resolve(text, " 1 ").ShouldBe(new TypebotAnswer(" 1 "));
        ChoiceAnswer.Resolve(null, "Ana").ShouldBe(new TypebotAnswer("Ana"));
    }
}
