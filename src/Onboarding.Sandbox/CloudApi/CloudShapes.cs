using System.Globalization;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

/// <summary>
/// The webhook JSON of the <c>messages</c> field (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples):
/// <c>{"object":"whatsapp_business_account","entry":[{"id":WABA,"changes":[{"value":{…},"field":"messages"}]}]}</c>, the
/// value holding <c>metadata</c>, <c>contacts</c> and <c>messages</c>, or <c>statuses</c>. Typebot parses exactly this
/// (<c>whatsAppWebhookRequestBodySchema</c>, <c>incomingMessageSchema</c>, <c>incomingStatuses</c> in
/// packages/whatsapp/src/schemas.ts), Chatwoot too (<c>processed_params</c> = <c>entry[0].changes[0].value</c>,
/// app/services/whatsapp/incoming_message_whatsapp_cloud_service.rb).
/// </summary>
internal static class CloudShapes
{
    public static JsonObject Envelope(FakeCloudApiOptions options, JsonObject value) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = options.BusinessAccountId,
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
        }),
    };

    public static JsonObject Value(FakeCloudApiOptions options) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject
        {
            ["display_phone_number"] = options.DisplayPhoneNumber,
            ["phone_number_id"] = options.PhoneNumberId,
        },
    };

    /// <summary>A user's message: <c>from</c>, <c>id</c>, <c>timestamp</c> (Unix seconds as a string), <c>type</c> and the type's object.</summary>
    public static JsonObject Inbound(CloudMessage m, string businessNumber)
    {
        var json = new JsonObject
        {
            ["from"] = m.WaId,
            ["id"] = m.Id,
            ["timestamp"] = Unix(m.At),
        };
        if (m.ContextId is not null)
        {
            json["context"] = new JsonObject { ["from"] = businessNumber, ["id"] = m.ContextId };
        }

        json["type"] = m.Type;
        if (m.Type == "unsupported")
        {
            // A kind the Cloud API does not pass on arrives with errors in place of content (payload examples,
            // "Unknown messages"; Chatwoot's spec feeds message-level errors, incoming_message_whatsapp_cloud_service_spec.rb).
            json["errors"] = m.Content.DeepClone();
            return json;
        }

        json[m.Type] = m.Content.DeepClone();
        return json;
    }

    /// <summary>
    /// One status: <c>conversation</c> and <c>pricing</c> on <c>sent</c> and <c>delivered</c>, <c>errors</c> on
    /// <c>failed</c> (payload examples, "Status: message failed").
    /// </summary>
    public static JsonObject Status(CloudMessage m, string status, DateTimeOffset at, string conversationId)
    {
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["status"] = status,
            ["timestamp"] = Unix(at),
            ["recipient_id"] = m.WaId,
        };
        if (status == "failed")
        {
            json["errors"] = new JsonArray(m.Error!.ToStatusError());
            return json;
        }

        if (status is "sent" or "delivered")
        {
            var category = m.Type == "template" ? "utility" : "service";
            var conversation = new JsonObject { ["id"] = conversationId };
            if (status == "sent")
            {
                conversation["expiration_timestamp"] = Unix(at.AddHours(24));
            }

            conversation["origin"] = new JsonObject { ["type"] = category };
            json["conversation"] = conversation;
            json["pricing"] = new JsonObject { ["billable"] = category != "service", ["pricing_model"] = "PMP", ["category"] = category };
        }

        return json;
    }

    public static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
