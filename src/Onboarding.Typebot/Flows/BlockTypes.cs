namespace Onboarding.Typebot.Flows;

/// <summary>The block <c>type</c> strings of Typebot's v6 schema, and the category each belongs to.</summary>
public static class BlockTypes
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Video = "video";
    public const string Embed = "embed";
    public const string Audio = "audio";

    public const string TextInput = "text input";
    public const string NumberInput = "number input";
    public const string EmailInput = "email input";
    public const string UrlInput = "url input";
    public const string DateInput = "date input";
    public const string TimeInput = "time input";
    public const string PhoneInput = "phone number input";
    public const string ChoiceInput = "choice input";
    public const string PictureChoiceInput = "picture choice input";
    public const string PaymentInput = "payment input";
    public const string RatingInput = "rating input";
    public const string FileInput = "file input";
    public const string Cards = "cards";

    public const string SetVariable = "Set variable";
    public const string Condition = "Condition";
    public const string Redirect = "Redirect";
    public const string Script = "Code";
    public const string TypebotLink = "Typebot link";
    public const string Wait = "Wait";
    public const string AbTest = "AB test";
    public const string WaitForWebhook = "webhook";
    public const string Jump = "Jump";
    public const string Return = "Return";

    public const string Chatwoot = "Chatwoot";

    /// <summary>The HTTP request block keeps its legacy name.</summary>
    public const string HttpRequest = "Webhook";

    /// <summary>Zapier, Make.com and Pabbly Connect blocks are HTTP requests with a preset URL in Typebot.</summary>
    public const string Zapier = "Zapier";

    public const string MakeCom = "Make.com";

    public const string Pabbly = "Pabbly";

    private static readonly HashSet<string> Bubbles = [Text, Image, Video, Embed, Audio];

    private static readonly HashSet<string> Inputs =
    [
        TextInput, NumberInput, EmailInput, UrlInput, DateInput, TimeInput, PhoneInput, ChoiceInput,
        PictureChoiceInput, PaymentInput, RatingInput, FileInput, Cards,
    ];

    public static bool IsBubble(string type) => Bubbles.Contains(type);

    public static bool IsInput(string type) => Inputs.Contains(type);
}
