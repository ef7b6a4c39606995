using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// A Graph API error, in its two documented forms: the synchronous answer
/// <c>{"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}</c> and the entry of
/// a <c>failed</c> status's <c>errors</c> array <c>{"code","title","message","error_data":{"details"},"href"}</c>
/// (WhatsApp error codes, developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/,
/// "Error response syntax"; Graph API error handling, developers.facebook.com/docs/graph-api/guides/error-handling).
/// Chatwoot reads <c>error.message</c> of the first form (<c>error_message</c> in
/// app/services/whatsapp/providers/whatsapp_cloud_service.rb) and <c>"#{code}: #{title}"</c> of the second
/// (<c>update_message_with_status</c> in app/services/whatsapp/incoming_message_base_service.rb).
/// </summary>
public sealed record GraphError(int HttpStatus, int Code, string Title, string? Details = null, int? Subcode = null)
{
    private const string Href = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

    /// <summary>401, 190: the token is missing, malformed or not the app's (Graph: "Invalid OAuth access token").</summary>
    public static GraphError InvalidToken(string message) => new(401, 190, message);

    /// <summary>401, 190/463: the token expired (Graph's access-token subcodes).</summary>
    public static GraphError ExpiredToken() =>
        new(401, 190, "Error validating access token: Session has expired.", Subcode: 463);

    /// <summary>400, 100: a parameter missing or invalid, as Graph names it (<c>text['body']</c>).</summary>
    public static GraphError InvalidParameter(string message, string? details = null) => new(400, 100, message, details);

    /// <summary>400, 100/33: an object id the token cannot reach (a wrong phone-number id or media id).</summary>
    public static GraphError UnknownObject(string id, string method) => new(400, 100,
        $"Unsupported {method} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
        Subcode: 33);

    /// <summary>400, 2500: a path the Graph API does not have (another API version than the one configured).</summary>
    public static GraphError UnknownPath(string path) => new(400, 2500, $"Unknown path components: {path}");

    /// <summary>400, 131009 "Parameter value is not valid": an interactive message beyond its documented limits.</summary>
    public static GraphError ParameterValueNotValid(string details) => new(400, 131009, "Parameter value is not valid", details);

    /// <summary>404, 132001 "Template name does not exist in the translation" (no approved template in that language).</summary>
    public static GraphError TemplateDoesNotExist(string name, string language) => new(404, 132001,
        "Template name does not exist in the translation", $"template name ({name}) does not exist in {language}");

    /// <summary>400, 132000 "Number of parameters does not match the expected number of params".</summary>
    public static GraphError TemplateParameterCount(string component, int given, int expected) => new(400, 132000,
        "Number of parameters does not match the expected number of params",
        $"{component}: number of localizable_params ({given}) does not match the expected number of params ({expected})");

    /// <summary>400, 131053 "Media upload error" (an unsupported type or size).</summary>
    public static GraphError MediaUpload(string details) => new(400, 131053, "Media upload error", details);

    /// <summary>
    /// 131047 "Re-engagement message": a free-form message more than 24 hours after the user's last message. The send
    /// is accepted; the error comes in the <c>failed</c> status (error codes page, 131047: "More than 24 hours have
    /// passed since the recipient last replied to the sender number"; Typebot lists it among the webhook's
    /// <c>incomingWebhookErrorCodes</c> as "Could not send message to unengaged user", packages/whatsapp/src/constants.ts).
    /// </summary>
    public static GraphError ReEngagement() => new(400, 131047, "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");

    /// <summary>131026 "Message undeliverable": the number has no WhatsApp account (asynchronous, in the status).</summary>
    public static GraphError Undeliverable() => new(400, 131026, "Message undeliverable", "Message Undeliverable.");

    /// <summary>130429 "Rate limit hit" (the fault switchboard's 429).</summary>
    public static GraphError RateLimit() => new(429, 130429, "Rate limit hit",
        "Cloud API message throughput has been reached.");

    /// <summary>The synchronous answer: the title goes into <c>message</c> prefixed <c>(#code)</c> for WhatsApp codes.</summary>
    public JsonObject ToResponse()
    {
        var message = Code is 190 or 2500 || (Code == 100 && Subcode == 33) ? Title : $"(#{Code}) {Title}";
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = "OAuthException",
            ["code"] = Code,
        };
        if (Subcode is { } subcode)
        {
            error["error_subcode"] = subcode;
        }

        if (Details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = Details };
        }

        error["fbtrace_id"] = "A" + FakeCloudApi.RandomText(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
        return new JsonObject { ["error"] = error };
    }

    /// <summary>The entry of a status's <c>errors</c> array.</summary>
    public JsonObject ToStatusError() => new()
    {
        ["code"] = Code,
        ["title"] = Title,
        ["message"] = Title,
        ["error_data"] = new JsonObject { ["details"] = Details ?? Title },
        ["href"] = Href,
    };
}
