using Onboarding.Bridge.Clients.Typebot;
using Onboarding.Data.Messages;

namespace Onboarding.Bridge.Bot.Nudges;

/// <summary>The nudge and the answer to "parar" in the language of the driver's flow (the catalogue's pt or en).</summary>
public static class NudgeTexts
{
    /// <summary>Names the question when its group is known (<paramref name="question"/> is the group's title).</summary>
    public static string Nudge(TypebotOptions bot, string? language, string? question) =>
        (string.IsNullOrWhiteSpace(question) ? DriverTexts.Nudge.With() : DriverTexts.NudgeAtQuestion.With(question)).In(LanguageOf(bot, language));

    public static string Stopped(TypebotOptions bot, string? language) => DriverTexts.NudgesStopped.With().In(LanguageOf(bot, language));

    private static Language LanguageOf(TypebotOptions bot, string? language) =>
        string.Equals(bot.FlowFor(language).Language, "en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Portuguese;
}
