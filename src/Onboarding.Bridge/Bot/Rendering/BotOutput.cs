namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>One thing to do on WhatsApp for a bot reply, in order: send a text, send a medium, or wait.</summary>
public abstract record BotOutput
{
    // Closed: only the records below derive from it.
    private protected BotOutput()
    {
    }
}

/// <summary>A text message, already in WhatsApp markup and at most <see cref="WhatsAppRenderer.MaxTextLength"/> long.</summary>
public sealed record BotText(string Text) : BotOutput;

/// <summary>A medium to send from its URL; <see cref="Kind"/> is <c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>.</summary>
public sealed record BotMedia(Uri Url, string Kind, string? Caption) : BotOutput
{
    public const string Image = "image";

    public const string Video = "video";

    public const string Audio = "audio";

    public const string File = "file";
}

/// <summary>A pause before the next output (a Wait block), already capped.</summary>
public sealed record BotPause(TimeSpan Duration) : BotOutput;

/// <summary>
/// The single choice a turn ends with, for a transport with native buttons or lists: the output (a <see cref="BotText"/>)
/// whose text ends with the numbered menu, the question before the menu, and the labels in the menu's order.
/// </summary>
public sealed record BotChoice(int OutputIndex, string Question, IReadOnlyList<string> Labels);
