using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Clients.Chatwoot;
using Onboarding.Bridge.Clients.Resilience;
using Onboarding.Bridge.Tests.Harness;
using Onboarding.Sandbox.Chatwoot;

namespace Onboarding.Bridge.Tests.Clients.Chatwoot;

public sealed class ChatwootClientTests : IAsyncLifetime
{
    private FakeChatwoot _chatwoot = null!;
    private WebhookSink _sink = null!;
    private ServiceProvider _services = null!;

    private ChatwootClient Client => _services.GetRequiredService<ChatwootClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sink = await WebhookSink.StartAsync();
        _chatwoot = await FakeChatwoot.StartAsync(new FakeChatwootOptions { WebhookUrl = _sink.Url, InboxHasAgentBot = true });
        _services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["Chatwoot:BaseUrl"] = _chatwoot.BaseUrl.ToString(),
            ["Chatwoot:AccountId"] = "1",
            ["Chatwoot:InboxId"] = "1",
            ["Chatwoot:ApiToken"] = _chatwoot.ApiToken,
            ["Chatwoot:WebhookSecret"] = _chatwoot.WebhookSecret,
            ["Chatwoot:TeamId"] = FakeChatwoot.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatwoot:Labels:0"] = "bot",
            ["Chatwoot:Labels:1"] = "estafeta",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _chatwoot.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private async Task<(int ContactId, int ConversationId)> SeedAsync()
    {
        var created = await Client.CreateContactAsync("João", "+351915211836", "351915211836@c.us", "351915211836", ct: Ct);
        var conversation = await Client.CreateConversationAsync(created.Contact!.Id, "351915211836", "open", ct: Ct);
        return (created.Contact.Id, conversation.Id);
    }

    [Fact]
    public async Task Deleting_a_contact_removes_its_conversations_and_messages_and_a_repeat_is_harmless()
    {
        var (contactId, conversationId) = await SeedAsync();
        await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.PrivateNote("NIF 123456789"), Ct);

        (await Client.DeleteContactAsync(contactId, Ct)).ShouldBeTrue();

        (await Client.GetContactAsync(contactId, Ct)).ShouldBeNull();
        (await Client.GetConversationAsync(conversationId, Ct)).ShouldBeNull();
        _chatwoot.Messages(conversationId).ShouldBeEmpty();
        (await Client.FindContactByPhoneAsync("+351915211836", Ct)).ShouldBeNull();
        (await Client.DeleteContactAsync(contactId, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Contacts_are_created_found_exactly_and_a_taken_identifier_is_reported()
    {
        var created = await Client.CreateContactAsync("João", "+351915211836", "351915211836@c.us", "351915211836", ct: Ct);
        created.Created.ShouldBeTrue();
        created.Contact!.ContactInboxes!.Single().SourceId.ShouldBe("351915211836");

        (await Client.FindContactByPhoneAsync("+351915211836", Ct))!.Id.ShouldBe(created.Contact.Id);
        (await Client.FindContactByIdentifierAsync("351915211836@c.us", Ct))!.Id.ShouldBe(created.Contact.Id);
        (await Client.FindContactByPhoneAsync("+35191521183", Ct)).ShouldBeNull();
        (await Client.SearchContactsAsync("915211", Ct)).Single().Id.ShouldBe(created.Contact.Id);

        var again = await Client.CreateContactAsync("João", "+351915211899", "351915211836@c.us", "x", ct: Ct);
        again.IsTaken.ShouldBeTrue();
        again.RejectedAttributes.ShouldBe(["identifier"]);

        var badPhone = await Client.CreateContactAsync("Ana", "915211836", "a@c.us", "y", ct: Ct);
        badPhone.Rejection.ShouldBe("Phone number should be in e164 format");
    }

    [Fact]
    public async Task A_conversation_in_an_inbox_with_a_bot_starts_pending_and_is_listed_for_the_contact()
    {
        var (contactId, conversationId) = await SeedAsync();

        (await Client.EnsureContactInboxAsync(contactId, "351915211836", Ct)).SourceId.ShouldBe("351915211836");
        (await Client.GetConversationAsync(conversationId, Ct))!.Status.ShouldBe("pending");
        (await Client.ListContactConversationsAsync(contactId, Ct)).Single().Id.ShouldBe(conversationId);
        (await Client.GetConversationAsync(999, Ct)).ShouldBeNull();
        await _sink.WaitForAsync(b => b.Contains("\"event\":\"conversation_created\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_notes_and_attachments_are_created_with_their_tags()
    {
        var (_, conversationId) = await SeedAsync();

        var incoming = await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("Olá", "wpp:false_1"), Ct);
        var note = await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.PrivateNote("Resumo"), Ct);
        var photo = await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Incoming("carta", "wpp:false_2") with
        {
            Attachments = [new ChatwootUpload([1, 2, 3], "carta.jpg", "image/jpeg")],
            ContentAttributes = new Dictionary<string, object?> { ["wa_type"] = "image" },
        }, Ct);

        incoming.MessageType.ShouldBe("incoming");
        note.Private.ShouldBeTrue();
        photo.Attachments!.Single().FileType.ShouldBe("image");
        photo.ContentAttributes!["wa_type"].GetString().ShouldBe("image");
        _chatwoot.Messages(conversationId).Select(m => m.SourceId).ShouldBe(["wpp:false_1", null, "wpp:false_2"]);
        _chatwoot.Messages(conversationId)[2].Attachments.Single().Content.ShouldBe([1, 2, 3]);
        (await Client.FindRecentMessageBySourceIdAsync(conversationId, "wpp:false_2", Ct))!.Id.ShouldBe(photo.Id);
    }

    [Fact]
    public async Task Status_assignments_labels_attributes_and_message_status()
    {
        var (_, conversationId) = await SeedAsync();
        var message = await Client.CreateMessageAsync(conversationId, ChatwootNewMessage.Outgoing("Olá", "bot:1"), Ct);

        (await Client.SetStatusAsync(conversationId, "open", Ct)).ShouldBe("open");
        (await Client.AssignTeamAsync(conversationId, ct: Ct)).ShouldBeTrue();
        (await Client.AssignAgentAsync(conversationId, 42, Ct)).ShouldBeFalse();
        (await Client.SetLabelsAsync(conversationId, ["triagem"], Ct)).ShouldBe(["triagem"]);
        (await Client.AddLabelsAsync(conversationId, ct: Ct)).ShouldBe(["triagem", "bot", "estafeta"]);
        (await Client.SetCustomAttributesAsync(conversationId, new Dictionary<string, object?> { ["driver_id"] = 7 }, Ct))["driver_id"].GetInt32().ShouldBe(7);
        (await Client.UpdateMessageStatusAsync(conversationId, message.Id, "failed", "número inválido", Ct)).Status.ShouldBe("failed");

        var conversation = _chatwoot.Conversation(conversationId)!;
        conversation.Status.ShouldBe("open");
        conversation.TeamId.ShouldBe(FakeChatwoot.TeamId);
        conversation.Labels.ShouldBe(["triagem", "bot", "estafeta"]);
        _chatwoot.Messages(conversationId)[0].ContentAttributes["external_error"]!.ToString().ShouldBe("número inválido");
    }

    [Fact]
    public async Task Agent_replies_arrive_signed_as_chatwoot_signs_them()
    {
        var (_, conversationId) = await SeedAsync();

        var (reply, delivery) = await _chatwoot.AgentReplyAsync(conversationId, "Bem-vindo!");

        delivery!.Succeeded.ShouldBeTrue();
        var (body, headers) = await _sink.WaitForAsync(b => b.Contains("Bem-vindo!", StringComparison.Ordinal));
        var timestamp = headers["X-Chatwoot-Timestamp"].ToString();
        headers["X-Chatwoot-Signature"].ToString().ShouldBe(FakeChatwoot.Sign(_chatwoot.WebhookSecret!, timestamp, body));
        headers["X-Chatwoot-Delivery"].ToString().ShouldNotBeEmpty();
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("event").GetString().ShouldBe("message_created");
        json.GetProperty("message_type").GetString().ShouldBe("outgoing");
        json.GetProperty("sender").GetProperty("type").GetString().ShouldBe("user");
        json.GetProperty("id").GetInt32().ShouldBe(reply.Id);
        json.GetProperty("conversation").GetProperty("contact_inbox").GetProperty("source_id").GetString().ShouldBe("351915211836");
    }

    [Fact]
    public async Task A_failed_webhook_marks_the_agent_reply_failed_and_is_not_retried()
    {
        var (_, conversationId) = await SeedAsync();
        _sink.StatusCode = 500;

        var (reply, delivery) = await _chatwoot.AgentReplyAsync(conversationId, "perdida");

        delivery!.Succeeded.ShouldBeFalse();
        reply.Status.ShouldBe("failed");
        _sink.Received.Count(r => r.Body.Contains("perdida", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Resolving_sends_conversation_status_changed()
    {
        var (_, conversationId) = await SeedAsync();

        await _chatwoot.ResolveAsync(conversationId);

        var (body, _) = await _sink.WaitForAsync(b => b.Contains("conversation_status_changed", StringComparison.Ordinal));
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().ShouldBe("resolved");
    }

    [Fact]
    public async Task A_wrong_token_is_a_permanent_401()
    {
        await using var services = ClientHost.Build(new Dictionary<string, string?>
        {
            ["Chatwoot:BaseUrl"] = _chatwoot.BaseUrl.ToString(),
            ["Chatwoot:AccountId"] = "1",
            ["Chatwoot:InboxId"] = "1",
            ["Chatwoot:ApiToken"] = "wrong",
            ["Chatwoot:WebhookSecret"] = "s",
        });

        var error = await Should.ThrowAsync<UpstreamException>(() => services.GetRequiredService<ChatwootClient>().SearchContactsAsync("x", Ct));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("Invalid Access Token");
    }
}
