using System.Text.Json.Nodes;
using Onboarding.Typebot.Flows;
using Onboarding.Typebot.RichText;

namespace Onboarding.Api.Flows.Check;

/// <summary>What fits on a phone: WhatsApp's message length, and choices short and few enough to read as a list.</summary>
internal sealed class WhatsAppLimitsRule : IFlowRule
{
    public const string TextTooLong = "whatsapp-text-too-long";
    public const string LabelTooLong = "whatsapp-label-too-long";
    public const string TooManyChoices = "whatsapp-too-many-choices";

    /// <summary>WhatsApp refuses a text message longer than this.</summary>
    public const int MaxTextLength = 4096;
    public const int MaxLabelLength = 100;
    public const int MaxChoices = 10;

    public IEnumerable<FlowFinding> Check(FlowDocument flow)
    {
        foreach (var site in flow.Blocks)
        {
            if (site.Block.Type == BlockTypes.Text && PlainText(site.Block) is { Length: > MaxTextLength } text)
            {
                yield return FlowFinding.At(FindingSeverity.Error, TextTooLong, site,
                    $"the text has {text.Length} characters (before variables are filled in); WhatsApp refuses messages over {MaxTextLength}, so split it into several bubbles");
            }

            if (site.Block.Type != BlockTypes.ChoiceInput)
            {
                continue;
            }

            if (site.Block.Items.Count > MaxChoices)
            {
                yield return FlowFinding.At(FindingSeverity.Warning, TooManyChoices, site,
                    $"{site.Block.Items.Count} choices in one question make a numbered list of {site.Block.Items.Count} lines on a phone; keep to {MaxChoices} or split the question");
            }

            foreach (var label in site.Block.Items.Select(i => i.ContentText ?? "").Where(l => l.Length > MaxLabelLength))
            {
                yield return FlowFinding.At(FindingSeverity.Warning, LabelTooLong, site,
                    $"choice \"{BlockSite.Preview(label)}\" has {label.Length} characters; keep labels to {MaxLabelLength} so they read as options on a phone");
            }
        }
    }

    private static string PlainText(FlowBlock block) =>
        block.Content?["richText"] is JsonArray richText
            ? RichTextRenderer.PlainText(richText)
            : JsonText.Of(block.Content?["plainText"]) ?? "";
}
