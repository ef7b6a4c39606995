using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Chatwoot;

/// <summary>The jbuilder views (REST) and <c>webhook_data</c> (webhooks), which differ.</summary>
public sealed partial class FakeChatwoot
{
    private JsonObject InboxRef() => new()
    {
        ["id"] = _options.InboxId,
        ["avatar_url"] = "",
        ["channel_id"] = 1,
        ["name"] = _options.InboxName,
        ["channel_type"] = "Channel::Api",
        ["provider"] = null,
    };

    private JsonObject ContactJson(CwContact c, bool withInboxes)
    {
        var o = new JsonObject
        {
            ["additional_attributes"] = c.AdditionalAttributes.DeepClone(),
            ["availability_status"] = "offline",
            ["email"] = c.Email,
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["phone_number"] = c.PhoneNumber,
            ["blocked"] = false,
            ["identifier"] = c.Identifier,
            ["thumbnail"] = "",
            ["custom_attributes"] = c.CustomAttributes.DeepClone(),
            ["created_at"] = c.CreatedAt,
        };
        if (withInboxes)
        {
            o["contact_inboxes"] = new JsonArray(_contactInboxes.Where(ci => ci.ContactId == c.Id)
                .Select(ci => (JsonNode)new JsonObject { ["source_id"] = ci.SourceId, ["inbox"] = InboxRef() }).ToArray());
        }

        return o;
    }

    private static JsonObject AgentJson() => new()
    {
        ["id"] = AgentId,
        ["account_id"] = 1,
        ["availability_status"] = "online",
        ["auto_offline"] = true,
        ["confirmed"] = true,
        ["email"] = "ana@leguas.example",
        ["provider"] = "email",
        ["available_name"] = AgentName,
        ["name"] = AgentName,
        ["role"] = "agent",
        ["thumbnail"] = "",
    };

    private static JsonObject TeamJson() => new()
    {
        ["id"] = TeamId,
        ["name"] = TeamName,
        ["description"] = null,
        ["allow_auto_assign"] = true,
        ["account_id"] = 1,
        ["is_member"] = false,
    };

    private JsonObject SenderJson(CwMessage m, bool webhook)
    {
        if (m.SenderType == "User")
        {
            return webhook
                ? new JsonObject { ["id"] = AgentId, ["name"] = AgentName, ["email"] = "ana@leguas.example", ["type"] = "user" }
                : new JsonObject { ["id"] = AgentId, ["name"] = AgentName, ["available_name"] = AgentName, ["avatar_url"] = "", ["type"] = "user", ["availability_status"] = "online", ["thumbnail"] = "" };
        }

        var contact = _contacts[m.SenderId!.Value];
        var o = ContactJson(contact, withInboxes: false);
        if (webhook)
        {
            // Contact senders in webhooks have no "type" (removed in chatwoot#6415) and carry the account.
            o["account"] = new JsonObject { ["id"] = _options.AccountId, ["name"] = _options.AccountName };
            o["avatar"] = "";
        }
        else
        {
            o["type"] = "contact";
        }

        return o;
    }

    private JsonArray AttachmentsJson(CwMessage m) => new(m.Attachments.Select(a => (JsonNode)new JsonObject
    {
        ["id"] = a.Id,
        ["message_id"] = m.Id,
        ["file_type"] = a.FileType,
        ["account_id"] = _options.AccountId,
        ["extension"] = Path.GetExtension(a.FileName).TrimStart('.'),
        ["content_type"] = a.ContentType,
        ["data_url"] = new Uri(BaseUrl, $"rails/active_storage/blobs/redirect/{a.Id}/{Uri.EscapeDataString(a.FileName)}").ToString(),
        ["thumb_url"] = a.FileType == "image" ? new Uri(BaseUrl, $"rails/active_storage/blobs/redirect/{a.Id}/{Uri.EscapeDataString(a.FileName)}").ToString() : "",
        ["file_size"] = a.Content.Length,
    }).ToArray());

    /// <summary>REST message partial: <c>message_type</c> as an integer, <c>created_at</c> epoch seconds.</summary>
    private JsonObject MessageJson(CwMessage m)
    {
        var o = new JsonObject
        {
            ["id"] = m.Id,
            ["content"] = m.Content,
            ["inbox_id"] = _options.InboxId,
            ["conversation_id"] = m.ConversationId,
            ["message_type"] = m.MessageTypeCode,
            ["content_type"] = "text",
            ["status"] = m.Status,
            ["content_attributes"] = m.ContentAttributes.DeepClone(),
            ["created_at"] = m.CreatedAt.ToUnixTimeSeconds(),
            ["private"] = m.Private,
            ["source_id"] = m.SourceId,
            ["sender"] = m.SenderType is null ? null : SenderJson(m, webhook: false),
        };
        if (m.Attachments.Count > 0)
        {
            o["attachments"] = AttachmentsJson(m);
        }

        return o;
    }

    private JsonObject ConversationJson(CwConversation c)
    {
        var meta = new JsonObject
        {
            ["sender"] = ContactJson(_contacts[c.ContactId], withInboxes: false),
            ["channel"] = "Channel::Api",
            ["hmac_verified"] = false,
        };
        if (c.AssigneeId is not null)
        {
            meta["assignee"] = AgentJson();
            meta["assignee_type"] = "User";
        }

        if (c.TeamId is not null)
        {
            meta["team"] = TeamJson();
        }

        var last = _messages.TryGetValue(c.Id, out var list) && list.Count > 0 ? list[^1] : null;
        return new JsonObject
        {
            ["meta"] = meta,
            ["id"] = c.Id,
            ["messages"] = last is null ? new JsonArray() : new JsonArray(MessageJson(last)),
            ["account_id"] = _options.AccountId,
            ["uuid"] = c.Uuid,
            ["additional_attributes"] = new JsonObject(),
            ["agent_last_seen_at"] = 0,
            ["assignee_last_seen_at"] = 0,
            ["can_reply"] = true,
            ["contact_last_seen_at"] = 0,
            ["custom_attributes"] = c.CustomAttributes.DeepClone(),
            ["inbox_id"] = _options.InboxId,
            ["labels"] = new JsonArray(c.Labels.Select(l => (JsonNode)l).ToArray()),
            ["muted"] = false,
            ["snoozed_until"] = null,
            ["status"] = c.Status,
            ["created_at"] = c.CreatedAt,
            ["updated_at"] = c.LastActivityAt + 0.123,
            ["timestamp"] = c.LastActivityAt,
            ["first_reply_created_at"] = 0,
            ["unread_count"] = 0,
            ["last_non_activity_message"] = last is null ? null : MessageJson(last),
            ["last_activity_at"] = c.LastActivityAt,
            ["priority"] = null,
            ["waiting_since"] = c.CreatedAt,
            ["sla_policy_id"] = null,
        };
    }

    /// <summary><c>Conversations::EventDataPresenter</c>: the conversation in webhooks.</summary>
    private JsonObject ConversationWebhookJson(CwConversation c)
    {
        var contact = _contacts[c.ContactId];
        var sender = ContactJson(contact, withInboxes: false);
        sender["type"] = "contact";
        return new JsonObject
        {
            ["additional_attributes"] = new JsonObject(),
            ["can_reply"] = true,
            ["channel"] = "Channel::Api",
            ["contact_inbox"] = new JsonObject
            {
                ["id"] = c.ContactInbox.Id,
                ["contact_id"] = c.ContactId,
                ["inbox_id"] = _options.InboxId,
                ["source_id"] = c.ContactInbox.SourceId,
                ["hmac_verified"] = false,
            },
            ["id"] = c.Id,
            ["inbox_id"] = _options.InboxId,
            ["messages"] = new JsonArray(),
            ["labels"] = new JsonArray(c.Labels.Select(l => (JsonNode)l).ToArray()),
            ["meta"] = new JsonObject
            {
                ["sender"] = sender,
                ["assignee"] = c.AssigneeId is null ? null : new JsonObject { ["id"] = AgentId, ["name"] = AgentName, ["available_name"] = AgentName, ["avatar_url"] = "", ["type"] = "user", ["availability_status"] = "online", ["thumbnail"] = "" },
                ["assignee_type"] = c.AssigneeId is null ? null : "User",
                ["team"] = c.TeamId is null ? null : new JsonObject { ["id"] = TeamId, ["name"] = TeamName },
                ["hmac_verified"] = false,
            },
            ["status"] = c.Status,
            ["custom_attributes"] = c.CustomAttributes.DeepClone(),
            ["snoozed_until"] = null,
            ["unread_count"] = 0,
            ["first_reply_created_at"] = null,
            ["priority"] = null,
            ["waiting_since"] = c.CreatedAt,
            ["agent_last_seen_at"] = 0,
            ["contact_last_seen_at"] = 0,
            ["last_activity_at"] = c.LastActivityAt,
            ["timestamp"] = c.LastActivityAt,
            ["created_at"] = c.CreatedAt,
            ["updated_at"] = c.LastActivityAt + 0.123456,
            ["account"] = new JsonObject { ["id"] = _options.AccountId, ["name"] = _options.AccountName },
        };
    }

    /// <summary><c>Message#webhook_data</c>: string message_type, ISO created_at, no status.</summary>
    private JsonObject MessageWebhookJson(CwMessage m, CwConversation c)
    {
        var conversation = ConversationWebhookJson(c);
        var inner = MessageJson(m);
        inner["account_id"] = _options.AccountId;
        inner["sender_type"] = m.SenderType;
        inner["sender_id"] = m.SenderId;
        ((JsonArray)conversation["messages"]!).Add(inner);
        var o = new JsonObject
        {
            ["account"] = new JsonObject { ["id"] = _options.AccountId, ["name"] = _options.AccountName },
            ["additional_attributes"] = new JsonObject(),
            ["content_attributes"] = m.ContentAttributes.DeepClone(),
            ["content_type"] = "text",
            ["content"] = m.Content,
            ["conversation"] = conversation,
            ["created_at"] = m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["id"] = m.Id,
            ["inbox"] = new JsonObject { ["id"] = _options.InboxId, ["name"] = _options.InboxName },
            ["message_type"] = m.MessageType,
            ["private"] = m.Private,
            ["sender"] = m.SenderType is null ? null : SenderJson(m, webhook: true),
            ["source_id"] = m.SourceId,
        };
        if (m.Attachments.Count > 0)
        {
            o["attachments"] = AttachmentsJson(m);
        }

        return o;
    }
}
