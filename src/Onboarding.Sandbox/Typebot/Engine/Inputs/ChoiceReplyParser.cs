using System.Text.RegularExpressions;
using Onboarding.Typebot.Flows;

namespace Onboarding.Sandbox.Typebot.Engine.Inputs;

/// <summary>
/// Typebot's single and multiple choice matching. Single: reply id, item id, value or content, trimmed and
/// case-sensitive, longest content first; no match by number. Multiple: ids, values, contents and 1-based indexes
/// found as whole phrases, case-insensitively, saved as <c>"A, B"</c>.
/// </summary>
public static class ChoiceReplyParser
{
    public static ParsedReply ParseSingle(string reply, string? replyId, IReadOnlyList<FlowItem> items)
    {
        var matched = items
            .OrderByDescending(i => Content(i)?.Length ?? 0)
            .FirstOrDefault(item =>
                (replyId is not null && item.Id == replyId)
                || item.Id == reply
                || (!string.IsNullOrEmpty(item.Value) && reply.Trim() == item.Value.Trim())
                || (Content(item) is { Length: > 0 } content && reply.Trim() == content.Trim()));
        if (matched is null)
        {
            return ParsedReply.Fail;
        }

        var saved = string.IsNullOrEmpty(matched.Value) ? Content(matched) : matched.Value;
        return string.IsNullOrEmpty(saved) ? ParsedReply.Fail : ParsedReply.Success(saved, matched.OutgoingEdgeId);
    }

    public static ParsedReply ParseMultiple(string reply, IReadOnlyList<FlowItem> items)
    {
        var remainingInput = reply;
        var remaining = items.OrderByDescending(i => Content(i)?.Length ?? 0).ToList();
        var matchedIds = new List<string>();

        foreach (var item in remaining)
        {
            if (item.Id.Length > 0 && IncludesWholePhrase(remainingInput, item.Id))
            {
                remainingInput = RemoveFirst(remainingInput, item.Id);
                matchedIds.Add(item.Id);
            }
        }

        foreach (var item in remaining.Where(i => !matchedIds.Contains(i.Id)).ToList())
        {
            if (!string.IsNullOrEmpty(item.Value) && IncludesWholePhrase(remainingInput, item.Value))
            {
                remainingInput = RemoveFirst(remainingInput, item.Value);
                matchedIds.Add(item.Id);
            }
        }

        foreach (var item in remaining.Where(i => !matchedIds.Contains(i.Id)).ToList())
        {
            if (Content(item) is { Length: > 0 } content && IncludesWholePhrase(remainingInput, content))
            {
                remainingInput = RemoveFirst(remainingInput, content);
                matchedIds.Add(item.Id);
                remaining.Remove(item);
            }
        }

        for (var idx = 0; idx < items.Count; idx++)
        {
            var number = (idx + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IncludesWholePhrase(remainingInput, number) && remaining.Any(i => i.Id == items[idx].Id))
            {
                remainingInput = RemoveFirst(remainingInput, number);
                matchedIds.Add(items[idx].Id);
                remaining.Remove(items[idx]);
            }
        }

        if (matchedIds.Count == 0)
        {
            return ParsedReply.Fail;
        }

        return ParsedReply.Success(string.Join(", ", items
            .Where(i => matchedIds.Contains(i.Id))
            .Select(i => i.Value ?? Content(i)?.Trim())));
    }

    /// <summary>The text of a choice item (picture choice items use their title).</summary>
    public static string? Content(FlowItem item) => item.ContentText ?? (item.Raw["title"] is { } title ? title.ToString() : null);

    private static string RemoveFirst(string text, string phrase)
    {
        var index = text.IndexOf(phrase, StringComparison.Ordinal);
        return (index < 0 ? text : text.Remove(index, phrase.Length)).Trim();
    }

    private static bool IncludesWholePhrase(string text, string phrase)
    {
        if (string.IsNullOrEmpty(phrase) || string.IsNullOrEmpty(text))
        {
            return false;
        }

        var words = Regex.Split(phrase.Trim(), @"\s+").Where(w => w.Length > 0).Select(Regex.Escape).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        const string boundary = @"[^\p{L}\p{N}\p{M}]";
        var pattern = $"(?:^|{boundary}){string.Join(@"\s+", words)}(?=$|{boundary})";
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
