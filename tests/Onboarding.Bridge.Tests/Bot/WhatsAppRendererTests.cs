using Onboarding.Bridge.Bot.Rendering;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>Bubbles, client-side actions and choice inputs as the ordered WhatsApp outputs of one turn.</summary>
public sealed class WhatsAppRendererTests
{
    private const string Question = """{"id":"q","type":"text","content":{"type":"richText","richText":[{"type":"p","children":[{"text":"Em que distrito vive?"}]}]}}""";

    private const string Districts = """
        {"id":"c","type":"choice input","items":[{"id":"i1","content":"Lisboa"},{"id":"i2","content":"Porto"},{"id":"i3","content":"Évora"}]}
        """;

    [Fact]
    public void Media_bubbles_are_sent_from_their_url_and_embeds_as_links()
    {
        var turn = Turns.Parse("""
            {"messages":[
              {"id":"a","type":"image","content":{"url":"https://cdn.pt/a.png"}},
              {"id":"b","type":"video","content":{"url":"https://cdn.pt/b.mp4","type":"url"}},
              {"id":"c","type":"video","content":{"url":"https://youtu.be/xyz","type":"youtube","id":"xyz"}},
              {"id":"d","type":"audio","content":{"url":"https://cdn.pt/d.mp3"}},
              {"id":"e","type":"embed","content":{"url":"https://maps.pt/x","height":400}},
              {"id":"f","type":"custom-embed","content":{}},
              {"id":"g","type":"image","content":{}}]}
            """);

        WhatsAppRenderer.Render(turn, 10).ShouldBe([
            new BotMedia(new Uri("https://cdn.pt/a.png"), BotMedia.Image, null),
            new BotMedia(new Uri("https://cdn.pt/b.mp4"), BotMedia.Video, null),
            new BotText("https://youtu.be/xyz"),
            new BotMedia(new Uri("https://cdn.pt/d.mp3"), BotMedia.Audio, null),
            new BotText("https://maps.pt/x"),
        ]);
    }

    [Fact]
    public void Texts_over_4096_characters_are_split_at_paragraphs()
    {
        var paragraph = new string('a', 1500);
        var richText = string.Join(",", Enumerable.Range(0, 4).Select(i => $$$"""{"type":"p","children":[{"text":"{{{i}}}{{{paragraph}}}"}]}"""));

        var texts = Turns.Texts(WhatsAppRenderer.Render(Turns.RichText(richText), 10));

        texts.Count.ShouldBe(2);
        texts.ShouldAllBe(t => t.Length <= WhatsAppRenderer.MaxTextLength);
        texts[0].ShouldBe($"0{paragraph}\n1{paragraph}");
        texts[1].ShouldBe($"2{paragraph}\n3{paragraph}");
    }

    [Fact]
    public void A_single_paragraph_over_the_limit_is_split_at_a_space()
    {
        var words = string.Join(' ', Enumerable.Repeat("palavra", 1000));

        var texts = Turns.Texts(WhatsAppRenderer.Render(Turns.RichText($$$"""{"type":"p","children":[{"text":"{{{words}}}"}]}"""), 10));

        texts.Count.ShouldBe(2);
        texts.ShouldAllBe(t => t.Length <= WhatsAppRenderer.MaxTextLength && !t.StartsWith(' ') && !t.EndsWith(' '));
        string.Join(' ', texts).ShouldBe(words);
    }

    [Fact]
    public void Waits_are_capped_and_run_after_the_bubble_they_follow()
    {
        var turn = Turns.Parse("""
            {"messages":[
              {"id":"a","type":"text","content":{"type":"richText","richText":[{"type":"p","children":[{"text":"um"}]}]}},
              {"id":"b","type":"text","content":{"type":"richText","richText":[{"type":"p","children":[{"text":"dois"}]}]}}],
             "clientSideActions":[
              {"lastBubbleBlockId":"a","wait":{"secondsToWaitFor":30}},
              {"wait":{"secondsToWaitFor":"2"}},
              {"lastBubbleBlockId":"gone","wait":{"secondsToWaitFor":0}},
              {"lastBubbleBlockId":"b","chatwoot":{"scriptToExecute":{"content":"x"}}}]}
            """);

        WhatsAppRenderer.Render(turn, 10).ShouldBe([
            new BotText("um"),
            new BotPause(TimeSpan.FromSeconds(10)),
            new BotText("dois"),
            new BotPause(TimeSpan.FromSeconds(2)),
        ]);
    }

    [Fact]
    public void A_redirect_sends_its_url()
    {
        var turn = Turns.Parse("""{"messages":[],"clientSideActions":[{"redirect":{"url":"https://leguas.pt/termos","isNewTab":true}}]}""");

        WhatsAppRenderer.Render(turn, 10).ShouldBe([new BotText("https://leguas.pt/termos")]);
    }

    [Fact]
    public void A_choice_input_is_numbered_in_the_question_message()
    {
        var turn = Turns.Parse($$"""{"messages":[{{Question}}],"input":{{Districts}}}""");

        Turns.SingleText(turn).ShouldBe("Em que distrito vive?\n\n1. Lisboa\n2. Porto\n3. Évora");
    }

    [Fact]
    public void A_choice_input_after_a_pause_or_without_a_question_is_its_own_message()
    {
        var afterPause = Turns.Parse($$$"""
            {"messages":[{{{Question}}}],"clientSideActions":[{"lastBubbleBlockId":"q","wait":{"secondsToWaitFor":1}}],"input":{{{Districts}}} }
            """);
        var alone = Turns.Parse($$"""{"messages":[],"input":{{Districts}}}""");

        WhatsAppRenderer.Render(afterPause, 10).ShouldBe([
            new BotText("Em que distrito vive?"),
            new BotPause(TimeSpan.FromSeconds(1)),
            new BotText("1. Lisboa\n2. Porto\n3. Évora"),
        ]);
        Turns.SingleText(alone).ShouldBe("1. Lisboa\n2. Porto\n3. Évora");
    }

    [Fact]
    public void A_multiple_choice_adds_the_hint_line()
    {
        var turn = Turns.Parse("""
            {"messages":[],"input":{"id":"c","type":"choice input","options":{"isMultipleChoice":true},
             "items":[{"id":"i1","content":"Manhãs"},{"id":"i2","content":""},{"id":"i3","content":"Noites"}]}}
            """);

        Turns.SingleText(turn).ShouldBe($"1. Manhãs\n2. Noites\n{ChoiceMenu.MultipleChoiceHint}");
    }

    [Fact]
    public void A_picture_choice_is_numbered_by_title()
    {
        var turn = Turns.Parse("""
            {"messages":[],"input":{"id":"c","type":"picture choice input",
             "items":[{"id":"i1","pictureSrc":"https://cdn.pt/carro.png","title":"Carro"},{"id":"i2","pictureSrc":"https://cdn.pt/mota.png","title":"Mota"}]}}
            """);

        Turns.SingleText(turn).ShouldBe("1. Carro\n2. Mota");
    }

    [Fact]
    public void Other_inputs_add_nothing_and_a_list_that_would_overflow_the_question_goes_apart()
    {
        var textInput = Turns.Parse($$$"""{"messages":[{{{Question}}}],"input":{"id":"t","type":"text input","options":{} } }""");
        var longQuestion = Turns.RichText($$$"""{"type":"p","children":[{"text":"{{{new string('q', 4090)}}}"}]}""") with
        {
            Input = Turns.Input(Districts),
        };

        Turns.SingleText(textInput).ShouldBe("Em que distrito vive?");
        Turns.Texts(WhatsAppRenderer.Render(longQuestion, 10)).ShouldBe([new string('q', 4090), "1. Lisboa\n2. Porto\n3. Évora"]);
    }

    [Fact]
    public void Missing_members_and_nulls_read_as_empty()
    {
        var turn = Turns.Parse("""{"messages":null,"logs":null,"unknown":{"x":1}}""");

        turn.Messages.ShouldBeEmpty();
        turn.ClientSideActions.ShouldBeEmpty();
        turn.Logs.ShouldBeEmpty();
        turn.EndsFlow.ShouldBeTrue();
        WhatsAppRenderer.Render(turn, 10).ShouldBeEmpty();
    }
}
