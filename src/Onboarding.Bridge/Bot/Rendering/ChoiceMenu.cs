using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// The numbered options of a choice input, as shown to the driver and as read back by <see cref="ChoiceAnswer"/>:
/// both number the same list (items with a label, in Typebot's order).
/// </summary>
public static class ChoiceMenu
{
    public const string MultipleChoiceHint = "(Pode escolher várias: responda com os números separados por vírgulas)";

    public const string EnglishMultipleChoiceHint = "(You can choose several: reply with the numbers separated by commas)";

    /// <summary>The items the driver can pick, numbered from 1 in this order; empty for other inputs.</summary>
    public static IReadOnlyList<TypebotChoiceItem> Options(TypebotInputBlock input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.IsChoice ? input.Items.Where(i => i is not null && i.Label.Length > 0).ToList() : [];
    }

    /// <summary><c>1. A\n2. B</c>, with the hint line for a multiple choice; null when there is nothing to choose.</summary>
    public static string? Text(TypebotInputBlock input, string? multipleChoiceHint = null)
    {
        var options = Options(input);
        if (options.Count == 0)
        {
            return null;
        }

        var lines = options.Select((item, i) => $"{i + 1}. {OneLine(item.Label)}").ToList();
        if (input.IsMultipleChoice)
        {
            lines.Add(multipleChoiceHint ?? MultipleChoiceHint);
        }

        return string.Join('\n', lines);
    }

    /// <summary>A label as the menu shows it (and as a button or list row titles it): its lines joined by spaces.</summary>
    public static string OneLine(string label) => string.Join(' ', label.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
