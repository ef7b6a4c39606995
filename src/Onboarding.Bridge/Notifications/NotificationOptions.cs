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

    public string? TemplateFor(string status) =>
        Templates.TryGetValue(status, out var configured) ? NullIfEmpty(configured) : Defaults.GetValueOrDefault(status);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
