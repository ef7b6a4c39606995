using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.Chatwoot;

public sealed partial class FakeChatwoot
{
    private async Task CreateConversation(HttpContext ctx)
    {
        var body = await Body(ctx);
        var sourceId = body["source_id"]?.ToString();
        int? inboxId = body["inbox_id"] is { } i ? (int)i.GetValue<double>() : null;
        int? contactId = body["contact_id"] is { } c ? (int)c.GetValue<double>() : null;
        CwConversation? conversation = null;
        (int Status, JsonObject Body)? failure = null;
        lock (_gate)
        {
            CwContactInbox? link;
            if (inboxId is not null && contactId is not null)
            {
                link = _contactInboxes.FirstOrDefault(ci => ci.InboxId == inboxId && ci.SourceId == sourceId);
                if (!_contacts.ContainsKey(contactId.Value) || inboxId != _options.InboxId)
                {
                    failure = (404, new JsonObject { ["error"] = "Resource could not be found" });
                }
                else if (link is not null && link.ContactId != contactId)
                {
                    failure = (422, new JsonObject { ["error"] = "source_id should be unique" });
                }
                else if (link is null)
                {
                    link = new CwContactInbox(_contactInboxes.Count + 1, contactId.Value, inboxId.Value, sourceId ?? Guid.NewGuid().ToString());
                    _contactInboxes.Add(link);
                }
            }
            else
            {
                // Without inbox_id + contact_id the contact_inbox must already exist (chatwoot#988, #1627).
                link = _contactInboxes.FirstOrDefault(ci => ci.SourceId == sourceId);
                failure = link is null ? (404, new JsonObject { ["error"] = "Resource could not be found" }) : null;
            }

            if (failure is null)
            {
                var requested = body["status"]?.ToString();

                // Conversation#determine_conversation_status: an active agent bot forces pending.
                var status = InboxHasAgentBot ? "pending" : requested is "open" or "resolved" or "pending" or "snoozed" ? requested : "open";
                conversation = new CwConversation
                {
                    Id = ++_nextConversationId,
                    ContactId = link!.ContactId,
                    ContactInbox = link,
                    Status = status,
                    AssigneeId = body["assignee_id"] is { } a && (int)a.GetValue<double>() == AgentId ? AgentId : null,
                    TeamId = body["team_id"] is { } t && (int)t.GetValue<double>() == TeamId ? TeamId : null,
                    CustomAttributes = body["custom_attributes"]?.DeepClone() as JsonObject ?? [],
                    CreatedAt = Now(),
                    LastActivityAt = Now(),
                };
                _conversations[conversation.Id] = conversation;
            }
        }

        if (failure is { } f)
        {
            await Json(ctx, f.Status, f.Body);
            return;
        }

        JsonObject json;
        lock (_gate)
        {
            json = ConversationJson(conversation!);
        }

        await Json(ctx, 200, json);
        Fire(() => DeliverConversationEventAsync("conversation_created", conversation!));
    }

    private async Task CreateMessage(HttpContext ctx)
    {
        var conversationId = RouteInt(ctx, "conversation_id");
        string? content;
        string messageType;
        bool isPrivate;
        string? sourceId;
        JsonObject attributes;
        var files = new List<(string FileName, string ContentType, byte[] Content)>();
        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync();
            content = form["content"].ToString() is { Length: > 0 } fc ? fc : null;
            messageType = form["message_type"].ToString() is { Length: > 0 } mt ? mt : "outgoing";
            isPrivate = form["private"] == "true";
            sourceId = form["source_id"].ToString() is { Length: > 0 } s ? s : null;
            attributes = ParseAttributes(form["content_attributes"].ToString());
            foreach (var file in form.Files.Where(f => f.Name is "attachments[]" or "attachments"))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files.Add((file.FileName, file.ContentType, buffer.ToArray()));
            }
        }
        else
        {
            var body = await Body(ctx);
            content = body["content"]?.ToString();
            messageType = body["message_type"]?.ToString() ?? "outgoing";
            isPrivate = body["private"]?.GetValueKind() == JsonValueKind.True;
            sourceId = body["source_id"]?.ToString();
            attributes = body["content_attributes"]?.DeepClone() as JsonObject ?? [];
        }

        CwConversation? conversation;
        string? error = null;
        string? previousStatus = null;
        lock (_gate)
        {
            conversation = _conversations.GetValueOrDefault(conversationId);
            if (conversation is not null)
            {
                var lastMinute = DateTimeOffset.UtcNow.AddMinutes(-1);
                error = messageType is not ("incoming" or "outgoing" or "template") ? $"'{messageType}' is not a valid message_type"
                    : content?.Length > 150_000 ? "Validation failed: Content is too long (maximum is 150000 characters)"
                    : files.Count > 15 ? "Validation failed: Attachments Too many attachments"
                    : files.Any(f => Refused(f.ContentType)) ? "Validation failed: Attachments file type not supported"
                    : string.IsNullOrEmpty(content) && files.Count == 0 ? "Validation failed: Content can't be blank"
                    : (_messages.GetValueOrDefault(conversationId)?.Count(m => m.CreatedAt > lastMinute) ?? 0) >= _options.MessagesPerMinutePerConversation
                        ? "Validation failed: Too many messages"
                    : null;
                if (error is null && messageType == "incoming" && !isPrivate)
                {
                    // Message#reopen_conversation: resolved → pending with a bot, else open; snoozed → open.
                    previousStatus = conversation.Status;
                    conversation.Status = conversation.Status switch
                    {
                        "resolved" => InboxHasAgentBot ? "pending" : "open",
                        "snoozed" => "open",
                        var same => same,
                    };
                }
            }
        }

        if (conversation is null)
        {
            await NotFound(ctx);
            return;
        }

        if (error is not null)
        {
            await Unprocessable(ctx, error);
            return;
        }

        var incoming = messageType == "incoming";
        var message = AddMessage(conversationId, content, messageType, isPrivate, sourceId, attributes,
            incoming ? "Contact" : "User", incoming ? conversation.ContactId : AgentId, files);
        _received.Enqueue(message);
        JsonObject json;
        lock (_gate)
        {
            json = MessageJson(message);
        }

        await Json(ctx, 200, json);
        Fire(async () =>
        {
            await DeliverMessageEventAsync("message_created", message);
            if (previousStatus is not null && previousStatus != conversation.Status)
            {
                await DeliverConversationEventAsync("conversation_status_changed", conversation, previousStatus);
            }
        });
    }

    private static JsonObject ParseAttributes(string json)
    {
        try
        {
            return json.Length == 0 ? [] : JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private Task ListMessages(HttpContext ctx) => WithConversation(ctx, conversation =>
    {
        int? before = int.TryParse(ctx.Request.Query["before"], out var b) ? b : null;
        int? after = int.TryParse(ctx.Request.Query["after"], out var a) ? a : null;
        JsonObject json;
        lock (_gate)
        {
            IEnumerable<CwMessage> list = _messages.GetValueOrDefault(conversation.Id) ?? [];
            list = (before, after) switch
            {
                (not null, not null) => list.Where(m => m.Id > after && m.Id < before).Take(1000),
                (not null, null) => list.Where(m => m.Id < before).TakeLast(20),
                (null, not null) => list.Where(m => m.Id > after).Take(100),
                _ => list.TakeLast(20),
            };
            json = new JsonObject
            {
                ["meta"] = new JsonObject
                {
                    ["labels"] = new JsonArray(conversation.Labels.Select(l => (JsonNode)l).ToArray()),
                    ["additional_attributes"] = new JsonObject(),
                    ["contact"] = ContactJson(_contacts[conversation.ContactId], withInboxes: false),
                    ["agent_last_seen_at"] = 0,
                    ["assignee_last_seen_at"] = 0,
                },
                ["payload"] = new JsonArray(list.Select(m => (JsonNode)MessageJson(m)).ToArray()),
            };
        }

        return Json(ctx, 200, json);
    });

    private async Task UpdateMessageStatus(HttpContext ctx)
    {
        var body = await Body(ctx);
        var conversationId = RouteInt(ctx, "conversation_id");
        var messageId = RouteInt(ctx, "message_id");
        CwMessage? message;
        JsonObject? json = null;
        lock (_gate)
        {
            message = _messages.GetValueOrDefault(conversationId)?.FirstOrDefault(m => m.Id == messageId);
            if (message is not null)
            {
                var status = body["status"]?.ToString();

                // An invalid status is ignored; read → delivered is not a downgrade Chatwoot accepts.
                if (status is "sent" or "delivered" or "read" or "failed" && !(message.Status == "read" && status == "delivered"))
                {
                    message.Status = status;
                    if (status == "failed")
                    {
                        message.ContentAttributes["external_error"] = body["external_error"]?.ToString();
                    }
                    else
                    {
                        message.ContentAttributes.Remove("external_error");
                    }
                }

                json = MessageJson(message);
            }
        }

        if (message is null)
        {
            await NotFound(ctx);
            return;
        }

        await Json(ctx, 200, json);
        Fire(() => DeliverMessageEventAsync("message_updated", message));
    }

    private async Task ToggleStatus(HttpContext ctx)
    {
        var body = await Body(ctx);
        var wanted = body["status"]?.ToString();
        CwConversation? conversation;
        string? previous = null;
        lock (_gate)
        {
            conversation = _conversations.GetValueOrDefault(RouteInt(ctx, "conversation_id"));
            if (conversation is not null)
            {
                previous = conversation.Status;
                conversation.Status = wanted is "open" or "resolved" or "pending" or "snoozed" ? wanted
                    : conversation.Status == "open" ? "resolved" : "open";
            }
        }

        if (conversation is null)
        {
            await NotFound(ctx);
            return;
        }

        await Json(ctx, 200, new JsonObject
        {
            ["meta"] = new JsonObject(),
            ["payload"] = new JsonObject
            {
                ["success"] = true,
                ["conversation_id"] = conversation.Id,
                ["current_status"] = conversation.Status,
                ["snoozed_until"] = null,
            },
        });
        if (previous != conversation.Status)
        {
            Fire(() => DeliverConversationEventAsync("conversation_status_changed", conversation, previous));
        }
    }

    private async Task Assign(HttpContext ctx)
    {
        var body = await Body(ctx);
        var conversationId = RouteInt(ctx, "conversation_id");
        JsonNode? answer = null;
        bool found;
        lock (_gate)
        {
            var conversation = _conversations.GetValueOrDefault(conversationId);
            found = conversation is not null;
            if (conversation is not null && body["assignee_id"] is { } assignee)
            {
                // With assignee_id present, team_id is ignored.
                var known = (int)assignee.GetValue<double>() == AgentId;
                conversation.AssigneeId = known ? AgentId : null;
                answer = known ? AgentJson() : null;
            }
            else if (conversation is not null && body["team_id"] is { } team)
            {
                var known = (int)team.GetValue<double>() == TeamId;
                conversation.TeamId = known ? TeamId : null;
                if (known)
                {
                    var raw = TeamJson();
                    raw.Remove("is_member");
                    raw["created_at"] = "2026-01-01T00:00:00.000Z";
                    raw["updated_at"] = "2026-01-01T00:00:00.000Z";
                    answer = raw;
                }
            }
        }

        await (found ? Json(ctx, 200, answer) : NotFound(ctx));
    }

    private static JsonObject Labels(CwConversation c) => new() { ["payload"] = new JsonArray(c.Labels.Select(l => (JsonNode)l).ToArray()) };

    private async Task SetLabels(HttpContext ctx)
    {
        var body = await Body(ctx);
        var labels = (body["labels"] as JsonArray)?.Select(l => l?.ToString() ?? "").Where(l => l.Length > 0).Distinct().ToList() ?? [];
        await WithConversation(ctx, c =>
        {
            JsonObject json;
            lock (_gate)
            {
                // Replaces the whole list (update!(label_list:)), chatwoot#15916.
                c.Labels = labels;
                json = Labels(c);
            }

            return Json(ctx, 200, json);
        });
    }

    private async Task SetCustomAttributes(HttpContext ctx)
    {
        var body = await Body(ctx);
        await WithConversation(ctx, c =>
        {
            JsonObject json;
            lock (_gate)
            {
                c.CustomAttributes = body["custom_attributes"]?.DeepClone() as JsonObject ?? [];
                json = new JsonObject { ["custom_attributes"] = c.CustomAttributes.DeepClone() };
            }

            return Json(ctx, 200, json);
        });
    }

    private async Task Blob(HttpContext ctx)
    {
        var id = RouteInt(ctx, "id");
        CwAttachment? attachment;
        lock (_gate)
        {
            attachment = _messages.Values.SelectMany(l => l).SelectMany(m => m.Attachments).FirstOrDefault(a => a.Id == id);
        }

        if (attachment is null)
        {
            await NotFound(ctx);
            return;
        }

        ctx.Response.ContentType = attachment.ContentType;
        await ctx.Response.Body.WriteAsync(attachment.Content);
    }

    /// <summary>
    /// <c>Attachmentable#validate_file_content_type</c> (chatwoot app/models/concerns/attachmentable.rb): a type it does not
    /// accept fails the message's validation, which messages#create answers with 422 and the joined messages.
    /// </summary>
    private bool Refused(string contentType) =>
        RefusedAttachmentTypes.Any(t => string.Equals(t, contentType.Split(';')[0].Trim(), StringComparison.OrdinalIgnoreCase));
}
