using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// What the Messages API requires of each message type (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages),
/// with Graph's wording for a missing or invalid parameter (<c>(#100) The parameter text['body'] is required.</c>).
/// The shapes are those Chatwoot sends (<c>send_text_message</c>, <c>send_attachment_message</c>, <c>send_template</c>
/// in app/services/whatsapp/providers/whatsapp_cloud_service.rb) and Typebot sends (packages/whatsapp/src/schemas.ts).
/// </summary>
internal static class MessageRules
{
    public static readonly string[] MediaTypes = ["image", "audio", "video", "document", "sticker"];

    public static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static GraphError? Text(JsonNode? text)
    {
        var body = Str(text?["body"]);
        if (string.IsNullOrEmpty(body))
        {
            return GraphError.InvalidParameter("The parameter text['body'] is required.");
        }

        return body.Length > 4096 ? GraphError.InvalidParameter("Param text['body'] must be at most 4096 characters long.") : null;
    }

    /// <summary>A media object names its file by <c>id</c> (uploaded) or <c>link</c> (fetched by Meta), never both.</summary>
    public static GraphError? Media(string type, JsonNode? media, Func<string, bool> mediaExists)
    {
        var id = Str(media?["id"]);
        var link = Str(media?["link"]);
        if ((id is null) == (link is null))
        {
            return GraphError.InvalidParameter($"The parameter {type}['id'] or {type}['link'] is required (exactly one).");
        }

        if (id is not null && !mediaExists(id))
        {
            return GraphError.InvalidParameter("Invalid parameter", $"Param {type}['id'] is not a valid whatsapp business account media attachment ID");
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return GraphError.InvalidParameter("Invalid parameter", $"Param {type}['link'] is not a valid URI");
        }

        return type is "audio" or "sticker" && media?["caption"] is not null
            ? GraphError.InvalidParameter("Invalid parameter", $"Param {type}['caption'] is not supported")
            : null;
    }

    /// <summary>
    /// A template must be approved in the requested language (132001) and get as many parameters per component as
    /// it has placeholders (132000), as the error codes page describes both.
    /// </summary>
    public static GraphError? Template(JsonNode? template, IEnumerable<FakeCloudTemplate> approved, out FakeCloudTemplate? found)
    {
        found = null;
        var name = Str(template?["name"]);
        var language = Str(template?["language"]?["code"]);
        if (string.IsNullOrEmpty(name))
        {
            return GraphError.InvalidParameter("The parameter template['name'] is required.");
        }

        if (string.IsNullOrEmpty(language))
        {
            return GraphError.InvalidParameter("The parameter template['language']['code'] is required.");
        }

        found = approved.FirstOrDefault(t => t.Name == name && t.Language == language);
        if (found is null)
        {
            return GraphError.TemplateDoesNotExist(name, language);
        }

        var body = Parameters(template, "body");
        var header = Parameters(template, "header");
        return body.Count != found.BodyParameters ? GraphError.TemplateParameterCount("body", body.Count, found.BodyParameters)
            : header.Count != found.HeaderParameters ? GraphError.TemplateParameterCount("header", header.Count, found.HeaderParameters)
            : null;
    }

    /// <summary>The template's body with <c>{{n}}</c> replaced by the send's parameters.</summary>
    public static string Render(FakeCloudTemplate template, JsonNode? sent)
    {
        var text = template.Body.Length > 0 ? template.Body : template.Name;
        var values = Parameters(sent, "body");
        for (var n = values.Count; n >= 1; n--)
        {
            text = text.Replace("{{" + n + "}}", values[n - 1], StringComparison.Ordinal);
        }

        return text;
    }

    public static GraphError? Reaction(JsonNode? reaction) =>
        Str(reaction?["message_id"]) is null ? GraphError.InvalidParameter("The parameter reaction['message_id'] is required.")
        : Str(reaction?["emoji"]) is null ? GraphError.InvalidParameter("The parameter reaction['emoji'] is required.")
        : null;

    public static GraphError? Location(JsonNode? location) =>
        location?["latitude"] is null || location["longitude"] is null
            ? GraphError.InvalidParameter("The parameter location['latitude'] and location['longitude'] are required.")
            : null;

    public static GraphError? Contacts(JsonNode? contacts) =>
        contacts is JsonArray { Count: > 0 } ? null : GraphError.InvalidParameter("The parameter contacts is required.");

    private static List<string> Parameters(JsonNode? template, string component) =>
        (template?["components"] as JsonArray ?? [])
            .Where(c => Str(c?["type"])?.Equals(component, StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(c => c?["parameters"] as JsonArray ?? [])
            .Select(p => Str(p?["text"]) ?? Str(p?["type"]) ?? "")
            .ToList();
}
