using Onboarding.Bridge.Bot.Rendering;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Bot;

/// <summary>What the bridge itself says around a flow, in the driver's language: the multiple-choice hint, the handoff line.</summary>
public sealed record BotPhrases(string MultipleChoiceHint, string HandoffMessage)
{
    private const string EnglishHandoff = "I'm passing the conversation to a colleague from the team. We'll reply as soon as we can.";

    public static BotPhrases For(string? language, TypebotOptions options)
    {
        var flow = options.FlowFor(language);
        var english = string.Equals(flow.Language, "en", StringComparison.OrdinalIgnoreCase);
        return new BotPhrases(
            flow.MultipleChoiceHint ?? (english ? ChoiceMenu.EnglishMultipleChoiceHint : ChoiceMenu.MultipleChoiceHint),
            flow.HandoffMessage ?? (english ? EnglishHandoff : options.HandoffMessage));
    }
}
