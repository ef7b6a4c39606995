using Onboarding.Bridge.Bot.Rendering;

namespace Onboarding.Bridge.Tests.Bot;

/// <summary>Slate rich text and the chat API's markdown as WhatsApp markup.</summary>
public sealed class RichTextRenderingTests
{
    [Theory]
    [InlineData("bold", "Olá *Ana*!")]
    [InlineData("italic", "Olá _Ana_!")]
    [InlineData("strikethrough", "Olá ~Ana~!")]
    [InlineData("code", "Olá ```Ana```!")]
    [InlineData("underline", "Olá Ana!")]
    public void Each_mark_has_its_whatsapp_marker(string mark, string expected)
    {
        var turn = Turns.RichText($$"""{"type":"p","children":[{"text":"Olá "},{"text":"Ana","{{mark}}":true},{"text":"!"}]}""");

        Turns.SingleText(turn).ShouldBe(expected);
    }

    [Fact]
    public void Markers_hug_the_trimmed_text_and_whitespace_stays_outside()
    {
        var turn = Turns.RichText("""{"type":"p","children":[{"text":"Olá"},{"text":" Ana ","bold":true},{"text":"!"}]}""");

        Turns.SingleText(turn).ShouldBe("Olá *Ana* !");
    }

    [Fact]
    public void Neighbouring_leaves_with_a_shared_mark_are_wrapped_once()
    {
        var turn = Turns.RichText("""
            {"type":"p","children":[{"text":"Léguas ","bold":true},{"text":"Franzinas","bold":true},
             {"text":" e "},{"text":"muito","bold":true},{"text":" rápidas","bold":true,"italic":true}]}
            """);

        Turns.SingleText(turn).ShouldBe("*Léguas Franzinas* e *muito _rápidas_*");
    }

    [Fact]
    public void Nested_marks_and_whitespace_only_leaves()
    {
        var turn = Turns.RichText("""
            {"type":"p","children":[{"text":"tudo","bold":true,"italic":true,"strikethrough":true},{"text":"  ","bold":true},{"text":"fim"}]}
            """);

        Turns.SingleText(turn).ShouldBe("*_~tudo~_*  fim");
    }

    [Fact]
    public void Links_show_their_url_after_the_text_or_alone_when_they_are_the_same()
    {
        var turn = Turns.RichText("""
            {"type":"p","children":[{"text":"Veja o "},{"type":"a","url":"https://leguas.pt/faq","children":[{"text":"FAQ","bold":true}]},{"text":"."}]},
            {"type":"p","children":[{"type":"a","url":"https://leguas.pt","children":[{"text":"https://leguas.pt"}]}]},
            {"type":"p","children":[{"type":"a","url":"https://leguas.pt","children":[{"text":"leguas.pt"}]}]}
            """);

        Turns.SingleText(turn).ShouldBe("Veja o *FAQ* (https://leguas.pt/faq).\nhttps://leguas.pt\nhttps://leguas.pt");
    }

    [Fact]
    public void Lists_become_numbered_and_dashed_lines()
    {
        var turn = Turns.RichText("""
            {"type":"p","children":[{"text":"Precisa de:"}]},
            {"type":"ol","children":[
              {"type":"li","children":[{"type":"lic","children":[{"text":"NIF","bold":true}]}]},
              {"type":"li","children":[{"type":"lic","children":[{"text":"Carta de condução"}]},
                {"type":"ul","children":[{"type":"li","children":[{"type":"lic","children":[{"text":"categoria B"}]}]}]}]}]},
            {"type":"ul","children":[{"type":"li","children":[{"type":"lic","children":[{"text":"IBAN"}]}]}]}
            """);

        Turns.SingleText(turn).ShouldBe("Precisa de:\n1. *NIF*\n2. Carta de condução\n   - categoria B\n- IBAN");
    }

    [Fact]
    public void Paragraphs_are_lines_and_variable_nodes_keep_their_paragraphs()
    {
        var turn = Turns.RichText("""
            {"type":"p","children":[{"text":"Olá "},{"type":"inline-variable","children":[{"text":"Ana","italic":true}]}]},
            {"type":"variable","children":[{"type":"p","children":[{"text":"Linha 1"}]},{"type":"p","children":[{"text":"Linha 2"}]}]},
            {"type":"p","children":[{"text":""}]},
            {"type":"p","children":[{"text":""}]},
            {"type":"p","children":[{"text":"Fim  "}]},
            {"type":"p","children":[{"text":""}]}
            """);

        Turns.SingleText(turn).ShouldBe("Olá _Ana_\nLinha 1\nLinha 2\n\nFim");
    }

    [Fact]
    public void A_marked_leaf_over_several_lines_is_marked_line_by_line()
    {
        var turn = Turns.RichText("""{"type":"p","children":[{"text":"um\ndois ","bold":true}]}""");

        Turns.SingleText(turn).ShouldBe("*um*\n*dois*");
    }

    [Fact]
    public void Markdown_content_is_converted_too()
    {
        var turn = Turns.Parse("""
            {"messages":[{"id":"m","type":"text","content":{"type":"markdown",
              "markdown":"**Olá** _Ana_ e *Rui*, veja [o site](https://leguas.pt) ou [https://x.pt](https://x.pt)\n* um\n* dois ~~não~~ 5 \\* 3"}}]}
            """);

        Turns.SingleText(turn).ShouldBe("*Olá* _Ana_ e _Rui_, veja o site (https://leguas.pt) ou https://x.pt\n- um\n- dois ~não~ 5 * 3");
    }

    [Fact]
    public void An_empty_text_bubble_sends_nothing()
    {
        var turn = Turns.RichText("""{"type":"p","children":[{"text":"  "}]}""");

        WhatsAppRenderer.Render(turn, 10).ShouldBeEmpty();
    }
}
