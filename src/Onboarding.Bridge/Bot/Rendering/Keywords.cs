namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>Keyword commands (handoff, reset): the whole message must be the keyword, loosely compared.</summary>
public static class Keywords
{
    /// <summary>"Agente!" matches <c>agente</c>; "quero um agente" does not.</summary>
    public static bool Matches(string? typed, IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return false;
        }

        var key = LooseText.Key(typed);
        return key.Length > 0 && keywords.Any(k => !string.IsNullOrWhiteSpace(k) && LooseText.Key(k) == key);
    }
}
