using System.Text.Json;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// A Typebot turn as WhatsApp messages, close to what Typebot's own WhatsApp integration sends: bubbles in order,
/// client-side actions after the bubble they follow, then the choices of a choice input as a numbered list merged into
/// the question (the last text bubble), because WPPConnect has no reply buttons we can rely on.
/// </summary>
public static class WhatsAppRenderer
{
    /// <summary>WhatsApp's limit for one text message.</summary>
    public const int MaxTextLength = 4096;

    public static IReadOnlyList<BotOutput> Render(TypebotTurn turn, int maxWaitSeconds, string? multipleChoiceHint = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actionsAfter = ActionsByBubble(turn);
        var outputs = new List<BotOutput>();
        // True while the last output is a text bubble's text: the choice list joins it, as the question it answers.
        var afterQuestion = false;
        for (var i = 0; i <= turn.Messages.Count; i++)
        {
            if (i < turn.Messages.Count && turn.Messages[i] is { } bubble)
            {
                var rendered = Bubble(bubble);
                outputs.AddRange(rendered);
                afterQuestion = rendered.Count > 0 ? bubble.Type == "text" : afterQuestion;
            }

            foreach (var action in actionsAfter.GetValueOrDefault(i) ?? [])
            {
                if (Action(action, maxWaitSeconds) is { } output)
                {
                    outputs.Add(output);
                    afterQuestion = false;
                }
            }
        }

        AppendChoices(outputs, turn.Input, afterQuestion, multipleChoiceHint);
        return outputs;
    }

    /// <summary>
    /// The single choice the rendered turn ends with (null for a multiple choice, another input, or a menu split over
    /// several messages): which text carries the numbered menu and the question it follows, so the Cloud API can show
    /// the same options as buttons or a list (docs/0042) while WPPConnect sends the text as it is.
    /// </summary>
    public static BotChoice? Choice(TypebotInputBlock? input, IReadOnlyList<BotOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (input is null || input.IsMultipleChoice || ChoiceMenu.Text(input) is not { } menu)
        {
            return null;
        }

        for (var i = outputs.Count - 1; i >= 0; i--)
        {
            if (outputs[i] is BotText text)
            {
                if (!text.Text.EndsWith(menu, StringComparison.Ordinal))
                {
                    return null;
                }

                var question = text.Text[..^menu.Length].TrimEnd('\n');
                return new BotChoice(i, question.Length > 0 ? question : menu, [.. ChoiceMenu.Options(input).Select(o => ChoiceMenu.OneLine(o.Label))]);
            }
        }

        return null;
    }

    /// <summary>
    /// Actions keyed by the index of the bubble they follow (<c>lastBubbleBlockId</c>, its last occurrence); those
    /// without one, or naming a bubble not in this turn, run after all bubbles.
    /// </summary>
    private static Dictionary<int, List<JsonElement>> ActionsByBubble(TypebotTurn turn)
    {
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < turn.Messages.Count; i++)
        {
            if (turn.Messages[i]?.Id is { } id)
            {
                lastIndex[id] = i;
            }
        }

        var byBubble = new Dictionary<int, List<JsonElement>>();
        foreach (var action in turn.ClientSideActions)
        {
            var after = action.String("lastBubbleBlockId") is { } id && lastIndex.TryGetValue(id, out var index)
                ? index
                : turn.Messages.Count;
            if (!byBubble.TryGetValue(after, out var list))
            {
                byBubble[after] = list = [];
            }

            list.Add(action);
        }

        return byBubble;
    }

    private static List<BotOutput> Bubble(TypebotBubble bubble)
    {
        var content = bubble.Content;
        switch (bubble.Type)
        {
            case "text":
                return Texts(BubbleText(content));
            case "image":
                return Media(content, BotMedia.Image);
            case "audio":
                return Media(content, BotMedia.Audio);
            case "video":
                // YouTube, Vimeo, TikTok and Gumlet videos are pages, not files WhatsApp can play: send the link.
                return content.String("type") is null or "url"
                    ? Media(content, BotMedia.Video)
                    : LinkText(content.AbsoluteUrl("url"));
            case "embed":
                return LinkText(content.AbsoluteUrl("url"));
            default:
                // custom-embed and future bubble types have nothing WhatsApp can show.
                return [];
        }
    }

    private static string BubbleText(JsonElement content)
    {
        var text = content.Member("richText") is { ValueKind: JsonValueKind.Array } richText
            ? RichTextFormatter.Format(richText)
            : content.String("markdown") is { } markdown
                ? MarkdownFormatter.Format(markdown)
                : content.String("plainText") ?? "";
        return Tidy(text);
    }

    /// <summary>Trailing spaces off, at most one empty line in a row, none at the ends.</summary>
    private static string Tidy(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length > 0 || (lines.Count > 0 && lines[^1].Length > 0))
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines).TrimEnd('\n');
    }

    private static List<BotOutput> Texts(string text) =>
        text.Trim().Length == 0 ? [] : [.. TextSplitter.Split(text, MaxTextLength).Select(t => new BotText(t))];

    private static List<BotOutput> Media(JsonElement content, string kind) =>
        content.AbsoluteUrl("url") is { } url ? [new BotMedia(url, kind, null)] : [];

    private static List<BotOutput> LinkText(Uri? url) => url is null ? [] : [new BotText(url.OriginalString)];

    private static BotOutput? Action(JsonElement action, int maxWaitSeconds)
    {
        if (action.Member("wait") is { } wait)
        {
            var seconds = Math.Min(wait.Number("secondsToWaitFor") ?? 0, Math.Max(0, maxWaitSeconds));
            return seconds > 0 ? new BotPause(TimeSpan.FromSeconds(seconds)) : null;
        }

        if (action.Member("redirect") is { } redirect && redirect.String("url")?.Trim() is { Length: > 0 } url)
        {
            return new BotText(url);
        }

        // chatwoot, script, setVariable, … are for the router or for web embeds only.
        return null;
    }

    private static void AppendChoices(List<BotOutput> outputs, TypebotInputBlock? input, bool afterQuestion, string? multipleChoiceHint)
    {
        if (input is null || ChoiceMenu.Text(input, multipleChoiceHint) is not { } menu)
        {
            return;
        }

        if (afterQuestion && outputs[^1] is BotText question && question.Text.Length + 2 + menu.Length <= MaxTextLength)
        {
            outputs[^1] = new BotText(question.Text + "\n\n" + menu);
            return;
        }

        outputs.AddRange(Texts(menu));
    }
}
