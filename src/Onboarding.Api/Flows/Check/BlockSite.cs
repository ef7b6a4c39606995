using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.RichText;

namespace Onboarding.Api.Flows.Check;

/// <summary>A block with its group and position, so a finding can say where an operator will find it.</summary>
public sealed record BlockSite(FlowGroup Group, int Index, FlowBlock Block)
{
    private const int PreviewLength = 30;

    public string GroupTitle => TitleOf(Group);

    public bool IsLast => Index == Group.Blocks.Count - 1;

    /// <summary><c>3 (Webhook)</c>, or with the start of a text bubble: <c>1 (text "Olá! Sou o assistente…")</c>.</summary>
    public string Describe() =>
        Block.Type == BlockTypes.Text && Block.Content?["richText"] is JsonArray richText
            ? $"{Index + 1} ({Block.Type} \"{Preview(RichTextRenderer.PlainText(richText))}\")"
            : $"{Index + 1} ({Block.Type})";

    public static string TitleOf(FlowGroup group) => group.Title.Length > 0 ? group.Title : group.Id;

    /// <summary>The first line of a text, cut to a length that fits a message.</summary>
    public static string Preview(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= PreviewLength ? line : line[..PreviewLength].TrimEnd() + "…";
    }
}
