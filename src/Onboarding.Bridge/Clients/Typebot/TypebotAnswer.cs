namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// What the driver answered: the text, the choice item id when it is known (so Typebot need not match the text), and
/// the URLs of files sent to a file input.
/// </summary>
public sealed record TypebotAnswer(string Text, string? ReplyId = null)
{
    public IReadOnlyList<Uri>? AttachedFileUrls { get; init; }
}
