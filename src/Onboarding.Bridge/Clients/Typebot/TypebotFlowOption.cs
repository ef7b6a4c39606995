namespace Onboarding.Bridge.Clients.Typebot;

/// <summary>
/// One published flow and its language (<c>Typebot:Flows:N</c>). With more than one, a new driver is asked the
/// language once; writing one of <see cref="Keywords"/> (or <see cref="Name"/>) switches at any time.
/// </summary>
public sealed class TypebotFlowOption
{
    /// <summary>A short code, e.g. <c>pt</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "";

    public string PublicId { get; set; } = "";

    /// <summary>How the language is offered, in that language (e.g. <c>Português</c>, <c>English</c>).</summary>
    public string Name { get; set; } = "";

    public IList<string> Keywords { get; set; } = [];

    /// <summary>The line under a multiple choice list; default by <see cref="Language"/> (pt, en).</summary>
    public string? MultipleChoiceHint { get; set; }

    /// <summary>Sent when the driver asks for a person or the bot fails; default by <see cref="Language"/>.</summary>
    public string? HandoffMessage { get; set; }
}
