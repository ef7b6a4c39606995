namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// What the driver answered: the text, the choice item id when it is known (so Typebot need not match the text), and
/// the URLs of files sent to a file input.
/// </summary>
public sealed record TypebotAnswer(string Text, string? ReplyId = null)
{
    public IReadOnlyList<Uri>? AttachedFileUrls { get; init; }

    /// <summary>
    /// No answer at all: Typebot skips an input that is not required when the message is absent
    /// (<c>packages/bot-engine/src/validateAndParseInputMessage.ts</c>, case FILE, typebot.io 830ba71).
    /// </summary>
    public static TypebotAnswer Skip { get; } = new("") { IsSkip = true };

    public bool IsSkip { get; private init; }
}
