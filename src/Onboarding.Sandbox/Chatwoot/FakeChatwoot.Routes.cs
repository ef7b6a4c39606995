using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Onboarding.Sandbox.Faults;

namespace Onboarding.Sandbox.Chatwoot;

public sealed partial class FakeChatwoot
{
    private const string Account = "/api/v1/accounts/{account_id}";

    private void Map(WebApplication app)
    {
        _requests.Attach(app);
        app.UseFaults(Faults);
        app.Use(async (ctx, next) =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || await Admit(ctx))
            {
                await next(ctx);
            }
        });

        app.MapPost(Account + "/contacts", CreateContact);
        app.MapGet(Account + "/contacts/search", SearchContacts);
        app.MapPost(Account + "/contacts/filter", FilterContacts);
        app.MapGet(Account + "/contacts/{id:int}", ctx => WithContact(ctx, c => Json(ctx, 200, new JsonObject { ["payload"] = ContactJson(c, true) })));
        app.MapDelete(Account + "/contacts/{id:int}", DeleteContact);
        app.MapPost(Account + "/contacts/{id:int}/contact_inboxes", CreateContactInbox);
        app.MapGet(Account + "/contacts/{id:int}/conversations", ContactConversations);
        app.MapPost(Account + "/conversations", CreateConversation);
        app.MapGet(Account + "/conversations/{conversation_id:int}", ctx => WithConversation(ctx, c => Json(ctx, 200, ConversationJson(c))));
        app.MapPost(Account + "/conversations/{conversation_id:int}/messages", CreateMessage);
        app.MapGet(Account + "/conversations/{conversation_id:int}/messages", ListMessages);
        app.MapMethods(Account + "/conversations/{conversation_id:int}/messages/{message_id:int}", ["PATCH"], UpdateMessageStatus);
        app.MapPost(Account + "/conversations/{conversation_id:int}/toggle_status", ToggleStatus);
        app.MapPost(Account + "/conversations/{conversation_id:int}/assignments", Assign);
        app.MapGet(Account + "/conversations/{conversation_id:int}/labels", ctx => WithConversation(ctx, c => Json(ctx, 200, Labels(c))));
        app.MapPost(Account + "/conversations/{conversation_id:int}/labels", SetLabels);
        app.MapPost(Account + "/conversations/{conversation_id:int}/custom_attributes", SetCustomAttributes);
        app.MapGet("/rails/active_storage/blobs/redirect/{id:int}/{filename}", Blob);
    }

    private async Task<bool> Admit(HttpContext ctx)
    {
        if (!await _throttle.AdmitAsync(ctx))
        {
            return false;
        }

        // Rails reads request.headers[:api_access_token]: both "api_access_token" and "Api-Access-Token" arrive there.
        var token = ctx.Request.Headers["api_access_token"].ToString() is { Length: > 0 } t ? t : ctx.Request.Headers["Api-Access-Token"].ToString();
        if (token.Length == 0)
        {
            await Json(ctx, 401, new JsonObject { ["errors"] = new JsonArray("You need to sign in or sign up before continuing.") });
            return false;
        }

        if (token != _options.ApiToken)
        {
            await Json(ctx, 401, new JsonObject { ["error"] = "Invalid Access Token" });
            return false;
        }

        if (ctx.Request.Path.Value!.Split('/') is [_, "api", "v1", "accounts", var account, ..] && account != _options.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await NotFound(ctx);
            return false;
        }

        return true;
    }

    private static Task Json(HttpContext ctx, int status, JsonNode? body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body?.ToJsonString() ?? "null");
    }

    private static Task NotFound(HttpContext ctx) => Json(ctx, 404, new JsonObject { ["error"] = "Resource could not be found" });

    private static Task Unprocessable(HttpContext ctx, string error) => Json(ctx, 422, new JsonObject { ["error"] = error });

    private static async Task<JsonObject> Body(HttpContext ctx)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static int RouteInt(HttpContext ctx, string name) => int.Parse((string)ctx.Request.RouteValues[name]!, System.Globalization.CultureInfo.InvariantCulture);

    private Task WithContact(HttpContext ctx, Func<CwContact, Task> then)
    {
        CwContact? contact;
        lock (_gate)
        {
            contact = _contacts.GetValueOrDefault(RouteInt(ctx, "id"));
        }

        return contact is null ? NotFound(ctx) : then(contact);
    }

    private Task WithConversation(HttpContext ctx, Func<CwConversation, Task> then)
    {
        CwConversation? conversation;
        lock (_gate)
        {
            conversation = _conversations.GetValueOrDefault(RouteInt(ctx, "conversation_id"));
        }

        return conversation is null ? NotFound(ctx) : then(conversation);
    }

    private async Task CreateContact(HttpContext ctx)
    {
        var body = await Body(ctx);
        var phone = body["phone_number"]?.ToString();
        var identifier = body["identifier"]?.ToString();
        var email = body["email"]?.ToString()?.ToLowerInvariant();
        var name = body["name"]?.ToString();
        int? inboxId = body["inbox_id"] is { } i ? (int)i.GetValue<double>() : null;
        var sourceId = body["source_id"]?.ToString();
        CwContact? contact = null;
        CwContactInbox? link = null;
        (int Status, JsonObject Body)? failure = null;
        lock (_gate)
        {
            var errors = new List<(string Attribute, string Message)>();
            if (!string.IsNullOrEmpty(phone) && !E164().IsMatch(phone))
            {
                errors.Add(("phone_number", "Phone number should be in e164 format"));
            }
            else if (!string.IsNullOrEmpty(phone) && _contacts.Values.Any(c => c.PhoneNumber == phone))
            {
                errors.Add(("phone_number", "Phone number has already been taken"));
            }

            if (!string.IsNullOrEmpty(identifier) && _contacts.Values.Any(c => c.Identifier == identifier))
            {
                errors.Add(("identifier", "Identifier has already been taken"));
            }

            if (!string.IsNullOrEmpty(email) && _contacts.Values.Any(c => c.Email == email))
            {
                errors.Add(("email", "Email has already been taken"));
            }

            if (name?.Length > 255)
            {
                errors.Add(("name", "Name is too long (maximum is 255 characters)"));
            }

            if (errors.Count > 0)
            {
                failure = (422, new JsonObject
                {
                    ["message"] = string.Join(", ", errors.Select(e => e.Message)),
                    ["attributes"] = new JsonArray(errors.Select(e => (JsonNode)e.Attribute).ToArray()),
                });
            }

            else if (inboxId is not null && sourceId is not null && _contactInboxes.Any(ci => ci.InboxId == inboxId && ci.SourceId == sourceId))
            {
                // RecordNotUnique on (inbox_id, source_id) is not rescued on this route.
                failure = (500, new JsonObject { ["status"] = 500, ["error"] = "Internal Server Error" });
            }
            else
            {
                contact = CreateContactLocked(body, name, phone, identifier, email);
                if (inboxId == _options.InboxId)
                {
                    link = new CwContactInbox(_contactInboxes.Count + 1, contact.Id, _options.InboxId, sourceId ?? Guid.NewGuid().ToString());
                    _contactInboxes.Add(link);
                }
            }
        }

        if (failure is { } f)
        {
            await Json(ctx, f.Status, f.Body);
            return;
        }

        await Json(ctx, 200, new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["contact"] = ContactJson(contact!, withInboxes: true),
                ["contact_inbox"] = link is null
                    ? new JsonObject { ["inbox"] = null, ["source_id"] = null }
                    : new JsonObject { ["inbox"] = InboxRef(), ["source_id"] = link.SourceId },
            },
        });
    }

    private CwContact CreateContactLocked(JsonObject body, string? name, string? phone, string? identifier, string? email)
    {
        var contact = new CwContact
        {
            Id = ++_nextContactId,
            Name = name,
            PhoneNumber = string.IsNullOrEmpty(phone) ? null : phone,
            Identifier = string.IsNullOrEmpty(identifier) ? null : identifier,
            Email = string.IsNullOrEmpty(email) ? null : email,
            CustomAttributes = body["custom_attributes"]?.DeepClone() as JsonObject ?? [],
            AdditionalAttributes = body["additional_attributes"]?.DeepClone() as JsonObject ?? [],
            CreatedAt = Now(),
        };
        _contacts[contact.Id] = contact;
        return contact;
    }

    private Task SearchContacts(HttpContext ctx)
    {
        var q = ctx.Request.Query["q"].ToString().Trim();
        if (q.Length == 0)
        {
            return Unprocessable(ctx, "Specify search string with parameter q");
        }

        JsonArray found;
        int count;
        lock (_gate)
        {
            var matches = _contacts.Values.Where(c =>
                Contains(c.Name, q) || Contains(c.Email, q) || Contains(c.PhoneNumber, q) || (c.Identifier?.Contains(q, StringComparison.Ordinal) ?? false)).ToList();
            count = matches.Count;
            found = new JsonArray(matches.Take(15).Select(c => (JsonNode)ContactJson(c, true)).ToArray());
        }

        return Json(ctx, 200, new JsonObject
        {
            ["meta"] = new JsonObject { ["count"] = count, ["current_page"] = ctx.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "1", ["has_more"] = count > 15 },
            ["payload"] = found,
        });

        static bool Contains(string? field, string q) => field?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false;
    }

    private async Task FilterContacts(HttpContext ctx)
    {
        var body = await Body(ctx);
        if (body["payload"] is not JsonArray conditions || conditions.Count == 0)
        {
            await Unprocessable(ctx, "Invalid filter payload");
            return;
        }

        var predicates = new List<Func<CwContact, bool>>();
        foreach (var condition in conditions)
        {
            var key = condition?["attribute_key"]?.ToString();
            var op = condition?["filter_operator"]?.ToString();
            var values = (condition?["values"] as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? [];
            Func<CwContact, string?>? field = key switch
            {
                "phone_number" => c => c.PhoneNumber,
                "identifier" => c => c.Identifier,
                "email" => c => c.Email,
                "name" => c => c.Name,
                _ => null,
            };
            if (field is null || op is not ("equal_to" or "not_equal_to" or "contains" or "does_not_contain")
                || (key == "identifier" && op is not ("equal_to" or "not_equal_to")))
            {
                await Unprocessable(ctx, $"Invalid attribute key or operator - {key} {op}");
                return;
            }

            if (key == "phone_number")
            {
                values = values.Select(v => "+" + new string(v.Where(char.IsAsciiDigit).ToArray())).ToList();
            }

            predicates.Add(op switch
            {
                "equal_to" => c => values.Contains(field(c) ?? "\0"),
                "not_equal_to" => c => !values.Contains(field(c) ?? "\0"),
                "contains" => c => values.Any(v => field(c)?.Contains(v, StringComparison.OrdinalIgnoreCase) == true),
                _ => c => !values.Any(v => field(c)?.Contains(v, StringComparison.OrdinalIgnoreCase) == true),
            });
        }

        JsonArray found;
        lock (_gate)
        {
            // Only "resolved" contacts (email, phone or identifier present) are filterable.
            found = new JsonArray(_contacts.Values
                .Where(c => c.Email is not null || c.PhoneNumber is not null || c.Identifier is not null)
                .Where(c => predicates.All(p => p(c)))
                .Select(c => (JsonNode)ContactJson(c, true)).ToArray());
        }

        await Json(ctx, 200, new JsonObject { ["meta"] = new JsonObject { ["count"] = found.Count, ["current_page"] = 1 }, ["payload"] = found });
    }

    private async Task CreateContactInbox(HttpContext ctx)
    {
        var body = await Body(ctx);
        var contactId = RouteInt(ctx, "id");
        var inboxId = body["inbox_id"] is { } i ? (int)i.GetValue<double>() : 0;
        var sourceId = body["source_id"]?.ToString() ?? Guid.NewGuid().ToString();
        int status;
        lock (_gate)
        {
            var existing = _contactInboxes.FirstOrDefault(ci => ci.InboxId == inboxId && ci.SourceId == sourceId);
            status = !_contacts.ContainsKey(contactId) || inboxId != _options.InboxId ? 404
                : existing is not null && existing.ContactId != contactId ? 500
                : 200;
            if (status == 200 && existing is null)
            {
                _contactInboxes.Add(new CwContactInbox(_contactInboxes.Count + 1, contactId, inboxId, sourceId));
            }
        }

        await (status switch
        {
            404 => NotFound(ctx),
            500 => Json(ctx, 500, new JsonObject { ["status"] = 500, ["error"] = "Internal Server Error" }),
            _ => Json(ctx, 200, new JsonObject { ["source_id"] = sourceId, ["inbox"] = InboxRef() }),
        });
    }

    private Task ContactConversations(HttpContext ctx) => WithContact(ctx, contact =>
    {
        JsonArray list;
        lock (_gate)
        {
            list = new JsonArray(_conversations.Values.Where(c => c.ContactId == contact.Id)
                .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(20)
                .Select(c => (JsonNode)ConversationJson(c)).ToArray());
        }

        return Json(ctx, 200, new JsonObject { ["payload"] = list });
    });

    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    private static partial Regex E164();
}
