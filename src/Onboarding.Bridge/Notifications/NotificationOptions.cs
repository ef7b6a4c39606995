namespace Onboarding.Bridge.Notifications;

/// <summary>
/// What drivers are told on WhatsApp when staff change their status (section <c>Notifications</c>). A status without
/// a template sends nothing. <c>{name}</c> is the driver's first name, <c>{reason}</c> the reason staff gave.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public bool Enabled { get; set; } = true;

    public IDictionary<string, string> Templates { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The pt-PT defaults, used for a status the configuration does not mention.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["under_review"] = "Olá {name}! A sua candidatura está a ser analisada pela nossa equipa. Entraremos em contacto em breve.",
        ["approved"] = "Parabéns, {name}! A sua candidatura foi aprovada. Um colega da equipa vai contactá-lo com os próximos passos.",
        ["rejected"] = "Olá {name}. Lamentamos, mas não foi possível aprovar a sua candidatura neste momento. Motivo: {reason}",
    };

    /// <summary>English defaults, for drivers who chose English (configured as <c>Templates:en:&lt;status&gt;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnglishDefaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["under_review"] = "Hi {name}! Our team is reviewing your application. We'll be in touch soon.",
        ["approved"] = "Congratulations, {name}! Your application has been approved. A colleague from the team will contact you with the next steps.",
        ["rejected"] = "Hi {name}. We're sorry, but we can't approve your application at the moment. Reason: {reason}",
    };

    /// <summary>The template for a status in the driver's language (pt-PT when none is known or configured).</summary>
    public string? TemplateFor(string status, string? language = null)
    {
        if (language is { Length: > 0 } and not "pt")
        {
            if (Templates.TryGetValue($"{language}:{status}", out var localised))
            {
                return NullIfEmpty(localised);
            }

            if (language == "en" && EnglishDefaults.TryGetValue(status, out var english))
            {
                return english;
            }
        }

        return Templates.TryGetValue(status, out var configured) ? NullIfEmpty(configured) : Defaults.GetValueOrDefault(status);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
