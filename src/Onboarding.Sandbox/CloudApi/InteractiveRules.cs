using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// The documented limits of interactive messages, checked as the Graph API checks them (a 400 naming the field):
/// reply buttons (developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages: body up
/// to 1024 characters, 1 to 3 buttons, title up to 20, id up to 256, header and footer up to 60) and lists
/// (developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages: body up to
/// 4096, button label up to 20, up to 10 sections with up to 10 rows in all, section title up to 24, row title up to
/// 24, description up to 72, id up to 200). Typebot trims button titles to 20 characters and makes them unique before
/// sending for the same reason (<c>trimTextTo20Chars</c>, <c>getUniqueButtonTitles</c> in
/// packages/whatsapp/src/convertInputToWhatsAppMessage.ts, typebot.io 830ba71).
/// </summary>
internal static class InteractiveRules
{
    public static GraphError? Check(JsonNode? interactive)
    {
        if (interactive is not JsonObject i)
        {
            return GraphError.InvalidParameter("The parameter interactive is required.");
        }

        var type = MessageRules.Str(i["type"]);
        if (type is not ("button" or "list"))
        {
            return GraphError.InvalidParameter($"Param interactive['type'] must be one of {{BUTTON, LIST}} - got \"{type}\".");
        }

        var body = MessageRules.Str(i["body"]?["text"]);
        if (string.IsNullOrEmpty(body))
        {
            return GraphError.InvalidParameter("The parameter interactive['body']['text'] is required.");
        }

        var bodyMax = type == "button" ? 1024 : 4096;
        return Length(body, "Body text", 1, bodyMax)
            ?? (i["header"] is JsonObject header && MessageRules.Str(header["type"]) == "text" ? Length(MessageRules.Str(header["text"]) ?? "", "Header text", 1, 60) : null)
            ?? (i["footer"] is JsonObject footer ? Length(MessageRules.Str(footer["text"]) ?? "", "Footer text", 1, 60) : null)
            ?? (i["action"] is not JsonObject action
                ? GraphError.InvalidParameter("The parameter interactive['action'] is required.")
                : type == "button" ? Buttons(action) : List(action));
    }

    private static GraphError? Buttons(JsonObject action)
    {
        if (action["buttons"] is not JsonArray buttons)
        {
            return GraphError.InvalidParameter("The parameter interactive['action']['buttons'] is required.");
        }

        if (buttons.Count is < 1 or > 3)
        {
            return GraphError.ParameterValueNotValid($"Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3. Got {buttons.Count}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in buttons)
        {
            if (MessageRules.Str(button?["type"]) != "reply")
            {
                return GraphError.InvalidParameter("Param interactive['action']['buttons'][]['type'] must be one of {REPLY}.");
            }

            var id = MessageRules.Str(button?["reply"]?["id"]) ?? "";
            var title = MessageRules.Str(button?["reply"]?["title"]) ?? "";
            var error = Length(id, "Button id", 1, 256) ?? Length(title, "Button title", 1, 20);
            if (error is not null)
            {
                return error;
            }

            if (!ids.Add(id))
            {
                return GraphError.ParameterValueNotValid($"Button id is not unique: {id}");
            }

            if (!titles.Add(title))
            {
                return GraphError.ParameterValueNotValid($"Button title is not unique: {title}");
            }
        }

        return null;
    }

    private static GraphError? List(JsonObject action)
    {
        var label = MessageRules.Str(action["button"]);
        if (label is null)
        {
            return GraphError.InvalidParameter("The parameter interactive['action']['button'] is required.");
        }

        if (Length(label, "Button label", 1, 20) is { } labelError)
        {
            return labelError;
        }

        if (action["sections"] is not JsonArray sections || sections.Count is < 1 or > 10)
        {
            return GraphError.ParameterValueNotValid($"Invalid sections count. Min allowed sections: 1, Max allowed sections: 10. Got {(action["sections"] as JsonArray)?.Count ?? 0}.");
        }

        var rows = sections.SelectMany(s => s?["rows"] as JsonArray ?? []).ToList();
        if (rows.Count is < 1 or > 10)
        {
            return GraphError.ParameterValueNotValid($"Total row count exceed max allowed count: 10. Got {rows.Count}.");
        }

        foreach (var section in sections)
        {
            var title = MessageRules.Str(section?["title"]);
            if (sections.Count > 1 && string.IsNullOrEmpty(title))
            {
                return GraphError.ParameterValueNotValid("Section title is required when there are multiple sections.");
            }

            if (title is not null && Length(title, "Section title", 1, 24) is { } sectionError)
            {
                return sectionError;
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = MessageRules.Str(row?["id"]) ?? "";
            var error = Length(id, "Row id", 1, 200)
                ?? Length(MessageRules.Str(row?["title"]) ?? "", "Row title", 1, 24)
                ?? (MessageRules.Str(row?["description"]) is { } description ? Length(description, "Row description", 0, 72) : null);
            if (error is not null)
            {
                return error;
            }

            if (!ids.Add(id))
            {
                return GraphError.ParameterValueNotValid($"Row id is not unique: {id}");
            }
        }

        return null;
    }

    /// <summary>Lengths count characters as a user sees them (an emoji is one), as WhatsApp counts them.</summary>
    private static GraphError? Length(string value, string what, int min, int max)
    {
        var length = new System.Globalization.StringInfo(value).LengthInTextElements;
        return length < min || length > max
            ? GraphError.ParameterValueNotValid($"{what} length invalid. Min length: {min}, Max length: {max}. Got {length}.")
            : null;
    }
}
