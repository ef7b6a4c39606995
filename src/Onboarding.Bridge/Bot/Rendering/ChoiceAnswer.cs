using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Bot.Rendering;

/// <summary>
/// Reads a driver's typed reply to a choice input shown by <see cref="ChoiceMenu"/>. Typebot itself matches a single
/// choice only on the exact, case-sensitive label and never by number, so the reply is resolved here: by number
/// ("2", "2."), by label, or by label ignoring case, accents and surrounding punctuation. A reply that matches nothing
/// goes to Typebot as typed, which answers with the block's retry message.
/// </summary>
public static partial class ChoiceAnswer
{
    [GeneratedRegex(@"^\s*(\d{1,4})\s*[.)ºª]?\s*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,4}[.)]?(?:\s+(?:e\s+)?\d{1,4}[.)]?)*$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"[,;\n]")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\s+(?:e|and|y)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WordSeparator();

    [GeneratedRegex(@"\d{1,4}")]
    private static partial Regex Digits();

    /// <summary>
    /// Single choice: the item's label with its id as <c>replyId</c>. Multiple choice: the labels in the menu's order
    /// joined by ", " (as Typebot saves them), no reply id. Other inputs, or no match: the typed text unchanged.
    /// </summary>
    public static TypebotAnswer Resolve(TypebotInputBlock? input, string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (input is null || ChoiceMenu.Options(input) is not { Count: > 0 } options)
        {
            return new TypebotAnswer(typed);
        }

        if (!input.IsMultipleChoice)
        {
            return Single(options, typed) is { } item ? new TypebotAnswer(item.Label, item.Id) : new TypebotAnswer(typed);
        }

        var chosen = Multiple(options, typed);
        return chosen is { Count: > 0 }
            ? new TypebotAnswer(string.Join(", ", options.Where(chosen.Contains).Select(i => i.Label)))
            : new TypebotAnswer(typed);
    }

    /// <summary>An exact label first (a label may itself be a number), then the number, then the loose label.</summary>
    private static TypebotChoiceItem? Single(IReadOnlyList<TypebotChoiceItem> options, string typed)
    {
        var trimmed = typed.Trim();
        if (options.FirstOrDefault(o => o.Label == trimmed) is { } exact)
        {
            return exact;
        }

        if (Number().Match(typed) is { Success: true } number)
        {
            return ByNumber(options, number.Groups[1].Value);
        }

        var key = LooseText.Key(typed);
        var loose = key.Length == 0 ? [] : options.Where(o => LooseText.Key(o.Label) == key).Take(2).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }

    /// <summary>"1, 3", "1 e 3", "1 3", "Manhãs, Noites"; null when any part matches nothing.</summary>
    private static HashSet<TypebotChoiceItem>? Multiple(IReadOnlyList<TypebotChoiceItem> options, string typed)
    {
        if (Single(options, typed) is { } whole)
        {
            return [whole];
        }

        var chosen = new HashSet<TypebotChoiceItem>();
        foreach (var part in ListSeparator().Split(typed).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (!AddPart(options, part, chosen))
            {
                return null;
            }
        }

        return chosen;
    }

    private static bool AddPart(IReadOnlyList<TypebotChoiceItem> options, string part, HashSet<TypebotChoiceItem> chosen)
    {
        List<TypebotChoiceItem?> items;
        if (Single(options, part) is { } item)
        {
            items = [item];
        }
        else if (Numbers().IsMatch(part))
        {
            items = [.. Digits().Matches(part).Select(m => ByNumber(options, m.Value))];
        }
        else
        {
            var words = WordSeparator().Split(part);
            items = words.Length > 1 ? [.. words.Select(w => Single(options, w))] : [null];
        }

        chosen.UnionWith(items.OfType<TypebotChoiceItem>());
        return items.All(i => i is not null);
    }

    private static TypebotChoiceItem? ByNumber(IReadOnlyList<TypebotChoiceItem> options, string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count
            ? options[n - 1]
            : null;
}
