using System.Text.Json.Nodes;

namespace Onboarding.Typebot.Flows;

/// <summary>
/// Replaces operator placeholders (such as <c>__ONBOARDING_API_KEY__</c>) in an HTTP request block, standing in
/// for the edit an operator makes in the builder after import, so the shipped file runs unchanged.
/// </summary>
public static class FlowPlaceholders
{
    public static void Apply(JsonObject? webhook, IReadOnlyDictionary<string, string> placeholders)
    {
        if (webhook is null)
        {
            return;
        }

        ReplaceIn(webhook, "url", placeholders);
        ReplaceIn(webhook, "body", placeholders);
        foreach (var listName in new[] { "headers", "queryParams" })
        {
            if (webhook[listName] is JsonArray rows)
            {
                foreach (var row in rows.OfType<JsonObject>())
                {
                    ReplaceIn(row, "value", placeholders);
                }
            }
        }
    }

    private static void ReplaceIn(JsonObject owner, string key, IReadOnlyDictionary<string, string> placeholders)
    {
        var text = FlowParser.Text(owner[key]);
        if (text is null)
        {
            return;
        }

        foreach (var (placeholder, value) in placeholders)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        owner[key] = text;
    }
}
