using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.CloudApi;

public sealed partial class FakeCloudApi
{
    private static readonly HttpClient LinkClient = new() { Timeout = TimeSpan.FromSeconds(20) };

    private async Task PostMessage(HttpContext ctx)
    {
        var body = await ReadObject(ctx);
        if (body is null)
        {
            await WriteError(ctx, GraphError.InvalidParameter("Invalid parameter", "The request body is not a JSON object."));
            return;
        }

        var product = MessageRules.Str(body["messaging_product"]);
        if (product != "whatsapp")
        {
            await WriteError(ctx, product is null
                ? GraphError.InvalidParameter("The parameter messaging_product is required.")
                : GraphError.InvalidParameter($"Param messaging_product must be one of {{WHATSAPP}} - got \"{product}\"."));
            return;
        }

        // Mark as read, with or without the typing indicator (developers.facebook.com/docs/whatsapp/cloud-api/typing-indicators;
        // Typebot sends exactly this body, packages/whatsapp/src/sendWhatsAppTypingIndicator.ts).
        if (body["status"] is not null)
        {
            await MarkRead(ctx, body);
            return;
        }

        var to = MessageRules.Str(body["to"]);
        if (string.IsNullOrEmpty(to) || WaIdOf(to).Length < 7)
        {
            await WriteError(ctx, GraphError.InvalidParameter("The parameter to is required."));
            return;
        }

        var type = MessageRules.Str(body["type"]) ?? "text";
        FakeCloudTemplate? template = null;
        var error = type switch
        {
            "text" => MessageRules.Text(body["text"]),
            "image" or "audio" or "video" or "document" or "sticker" => MessageRules.Media(type, body[type], _media.ContainsKey),
            "template" => MessageRules.Template(body["template"], _options.Templates, out template),
            "interactive" => InteractiveRules.Check(body["interactive"]),
            "reaction" => MessageRules.Reaction(body["reaction"]),
            "location" => MessageRules.Location(body["location"]),
            "contacts" => MessageRules.Contacts(body["contacts"]),
            _ => GraphError.InvalidParameter($"Param type must be one of {{AUDIO, CONTACTS, DOCUMENT, IMAGE, INTERACTIVE, LOCATION, REACTION, STICKER, TEMPLATE, TEXT, VIDEO}} - got \"{type}\"."),
        };
        if (error is not null)
        {
            await WriteError(ctx, error);
            return;
        }

        var waId = WaIdOf(to);
        var content = body[type]!.DeepClone();
        var message = new CloudMessage
        {
            Id = NewWamid(waId),
            WaId = waId,
            FromBusiness = true,
            Type = type,
            Content = content,
            ContextId = MessageRules.Str(body["context"]?["message_id"]),
            At = Now(),
            Rendered = template is null ? null : MessageRules.Render(template, content),
            Media = MessageRules.Str(content["id"]) is { } mediaId && MessageRules.MediaTypes.Contains(type) ? _media.GetValueOrDefault(mediaId)?.Content : null,
        };
        message.Status = "accepted";

        // The window is judged when Meta takes the message; the verdict arrives later, in the status webhook.
        var failure = _undeliverable.ContainsKey(waId) ? GraphError.Undeliverable()
            : type != "template" && !ChatOf(waId).WindowOpen(message.At) ? GraphError.ReEngagement()
            : null;
        Store(message);
        _sent.Enqueue(message);
        Track(Task.Run(() => ReportAsync(message, failure)));

        var sent = new JsonObject { ["id"] = message.Id };
        if (type == "template")
        {
            // Template sends carry their pacing state (Messages API reference, response "message_status").
            sent["message_status"] = "accepted";
        }

        await Write(ctx, 200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = waId }),
            ["messages"] = new JsonArray(sent),
        });
    }

    /// <summary>
    /// What becomes of an accepted message, reported only through status webhooks: <c>failed</c> with its error
    /// (131047 outside the window, 131026 for a number without WhatsApp, 131053 when a media link cannot be
    /// fetched), else <c>sent</c> then <c>delivered</c>. Meta's error codes page: errors are "returned either
    /// synchronously as a Graph API response, asynchronously via Webhook, or sometimes through both"; Chatwoot and
    /// Typebot read these failures from the statuses (see <see cref="GraphError"/>).
    /// </summary>
    private async Task ReportAsync(CloudMessage message, GraphError? failure)
    {
        if (failure is null && MessageRules.MediaTypes.Contains(message.Type) && MessageRules.Str(message.Content["link"]) is { } link)
        {
            (message.Media, failure) = await FetchLinkAsync(link);
        }

        if (failure is not null)
        {
            message.Error = failure;
            message.Status = "failed";
            await PostStatusAsync(message, "failed");
            return;
        }

        Phone(message.WaId).Deliver(message);
        message.Status = "sent";
        var statuses = new List<Task> { PostStatusAsync(message, "sent") };
        if (_options.AutoDelivered)
        {
            message.Status = "delivered";
            statuses.Add(PostStatusAsync(message, "delivered"));
        }

        await Task.WhenAll(statuses);
    }

    /// <summary>Meta downloads a link itself; when it cannot, the message fails with 131053 (error codes page).</summary>
    private async Task<(byte[]? Content, GraphError? Error)> FetchLinkAsync(string link)
    {
        try
        {
            using var response = await LinkClient.GetAsync(new Uri(link), _stopping.Token);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadAsByteArrayAsync(_stopping.Token), null)
                : (null, GraphError.MediaUpload($"Downloading media from weblink failed with http code {(int)response.StatusCode}, status message {response.ReasonPhrase}"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, GraphError.MediaUpload("Downloading media from weblink failed: the host could not be reached."));
        }
    }

    private async Task MarkRead(HttpContext ctx, JsonObject body)
    {
        if (MessageRules.Str(body["status"]) != "read")
        {
            await WriteError(ctx, GraphError.InvalidParameter($"Param status must be one of {{READ}} - got \"{body["status"]}\"."));
            return;
        }

        var id = MessageRules.Str(body["message_id"]);
        if (id is null || !_messagesById.TryGetValue(id, out var message) || message.FromBusiness)
        {
            await WriteError(ctx, GraphError.InvalidParameter("Invalid parameter", $"Param message_id is not a valid message id received by this phone number: {id}"));
            return;
        }

        var typing = body["typing_indicator"];
        if (typing is not null && MessageRules.Str(typing["type"]) != "text")
        {
            await WriteError(ctx, GraphError.InvalidParameter("Param typing_indicator['type'] must be one of {TEXT}."));
            return;
        }

        // Marking one message read marks the earlier ones of the chat read too (the blue ticks the user sees).
        var chat = ChatOf(message.WaId);
        foreach (var m in chat.Messages.Where(m => !m.FromBusiness && m.At <= message.At))
        {
            m.Status = "read";
        }

        if (typing is not null)
        {
            // "The typing indicator will be dismissed once you respond, or after 25 seconds, whichever comes first."
            chat.TypingUntil = Now().AddSeconds(25);
        }

        await Write(ctx, 200, new JsonObject { ["success"] = true });
    }
}
