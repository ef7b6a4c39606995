using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge.CloudApi;

[Collection(CloudApiCollection.Name)]
public sealed class CloudApiOutboundTests(CloudApiFixture cloud) : CloudApiContext(cloud)
{
    /// <summary>A driver who wrote once (now, or <paramref name="hoursAgo"/> ago), so the bridge has a conversation for the chat.</summary>
    private async Task<(string E164, int ConversationId)> DriverWhoWroteAsync(int hoursAgo = 0)
    {
        var e164 = NewPhone();
        using var posted = await Cloud.PostWebhookAsync(Messages(e164, "Ana", Text(e164, NewWamid(), "Olá")));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        if (hoursAgo > 0)
        {
            // Time passing: the driver's last message is now that old.
            await ScalarAsync<int>("UPDATE inbound_messages SET wa_timestamp = now() - make_interval(hours => @hoursAgo) WHERE wa_chat_id = @chat",
                new { hoursAgo, chat = Digits(e164) + "@c.us" });
        }

        return (e164, ConversationOf(e164)!.Id);
    }

    private Task EnqueueAsync(string e164, int conversation, string key, OutboxPayload payload, string messageClass = MessageClasses.Reply) =>
        Bridge.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            new OutboxEntry(key, Digits(e164) + "@c.us", OutboxKinds.Text, payload) { Class = messageClass, ChatwootConversationId = conversation },
            TestContext.Current.CancellationToken);

    private Task<string?> OutboxStateAsync(string key) => ScalarAsync<string?>("SELECT state FROM outbox WHERE dedupe_key = @key", new { key });

    [Fact]
    public async Task An_agent_reply_inside_the_window_goes_as_text_and_its_statuses_reach_chatwoot()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();

        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Olá Ana, bem-vinda!");

        await Eventually.TrueAsync(() => Cloud.Graph.SentTo(Digits(e164)).Count == 1, "the reply sent");
        var sent = Cloud.Graph.SentTo(Digits(e164)).Single();
        ((string?)sent["type"]).ShouldBe("text");
        ((string?)sent["text"]!["body"]).ShouldBe("Olá Ana, bem-vinda!");
        ((string?)sent["messaging_product"]).ShouldBe("whatsapp");
        await Eventually.TrueAsync(async () => await ScalarAsync<string?>("SELECT wa_message_id FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'") is not null, "the wamid recorded");
        var wamid = await ScalarAsync<string>("SELECT wa_message_id FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'");
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using (var delivered = await Cloud.PostWebhookAsync(Statuses(new { id = wamid, status = "delivered", timestamp = at, recipient_id = Digits(e164) })))
        {
            delivered.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "delivered", "delivered in Chatwoot");
        using (var read = await Cloud.PostWebhookAsync(Statuses(new { id = wamid, status = "read", timestamp = at, recipient_id = Digits(e164) })))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "read", "read in Chatwoot");
    }

    [Fact]
    public async Task A_failed_status_reaches_chatwoot_with_metas_reason()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Está aí?");
        await Eventually.TrueAsync(async () => await ScalarAsync<string?>("SELECT wa_message_id FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'") is not null, "the wamid recorded");
        var wamid = await ScalarAsync<string>("SELECT wa_message_id FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'");
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var sent = await Cloud.PostWebhookAsync(Statuses(new { id = wamid, status = "sent", timestamp = at, recipient_id = Digits(e164) }));
        using var failed = await Cloud.PostWebhookAsync(Statuses(new
        {
            id = wamid,
            status = "failed",
            timestamp = at,
            recipient_id = Digits(e164),
            errors = new[] { new { code = 131026, title = "Message undeliverable", message = "Message undeliverable", error_data = new { details = "Message Undeliverable." } } },
        }));

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "failed", "failed in Chatwoot");
        Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).ContentAttributes.ToJsonString().ShouldContain("131026");
    }

    [Fact]
    public async Task A_choice_goes_as_buttons_a_list_or_numbered_text_by_the_limits()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var prefix = Guid.NewGuid().ToString("N");

        await EnqueueAsync(e164, conversation, prefix + ":1", new OutboxPayload
        {
            Text = "Onde quer trabalhar?\n\n1. Lisboa\n2. Porto\n3. Faro",
            ChoiceBody = "Onde quer trabalhar?",
            Choices = ["Lisboa", "Porto", "Faro"],
        });
        await EnqueueAsync(e164, conversation, prefix + ":2", new OutboxPayload
        {
            Text = "Que veículo tem?\n\n1. Carro\n2. Mota\n3. Bicicleta\n4. Trotinete\n5. Nenhum",
            ChoiceBody = "Que veículo tem?",
            Choices = ["Carro", "Mota", "Bicicleta", "Trotinete", "Nenhum"],
        });
        var eleven = Enumerable.Range(1, 11).Select(i => $"Zona {i}").ToList();
        await EnqueueAsync(e164, conversation, prefix + ":3", new OutboxPayload
        {
            Text = "Zona?\n\n" + string.Join('\n', eleven.Select((z, i) => $"{i + 1}. {z}")),
            ChoiceBody = "Zona?",
            Choices = eleven,
        });
        await EnqueueAsync(e164, conversation, prefix + ":4", new OutboxPayload
        {
            Text = "Horário?\n\n1. Manhãs durante a semana\n2. Noites",
            ChoiceBody = "Horário?",
            Choices = ["Manhãs durante a semana", "Noites"],
        });

        await Eventually.TrueAsync(() => Cloud.Graph.SentTo(Digits(e164)).Count == 4, "four messages sent");
        var sent = Cloud.Graph.SentTo(Digits(e164));

        ((string?)sent[0]["interactive"]!["type"]).ShouldBe("button");
        ((string?)sent[0]["interactive"]!["body"]!["text"]).ShouldBe("Onde quer trabalhar?");
        sent[0]["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => (string?)b!["reply"]!["title"]).ShouldBe(["Lisboa", "Porto", "Faro"]);

        ((string?)sent[1]["interactive"]!["type"]).ShouldBe("list");
        sent[1]["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray().Count.ShouldBe(5);

        // Over ten options: the numbered text; a title over the buttons' 20 characters but within a row's 24: a list.
        ((string?)sent[2]["type"]).ShouldBe("text");
        ((string?)sent[2]["text"]!["body"])!.ShouldContain("11. Zona 11");
        ((string?)sent[3]["interactive"]!["type"]).ShouldBe("list");
    }

    [Fact]
    public async Task Outside_the_window_a_status_notice_goes_as_its_template()
    {
        var (e164, conversation) = await DriverWhoWroteAsync(hoursAgo: 30);
        var key = "notify:" + Guid.NewGuid().ToString("N");

        await EnqueueAsync(e164, conversation, key, new OutboxPayload
        {
            Text = "Olá Ana, a sua candidatura foi aprovada.",
            Purpose = "status_notice.approved",
            Language = "pt",
            Values = new Dictionary<string, string> { ["name"] = "Ana", ["status"] = "approved" },
        }, MessageClasses.ServiceNotice);

        await Eventually.TrueAsync(async () => await OutboxStateAsync(key) == "sent", "the notice sent");
        var sent = Cloud.Graph.SentTo(Digits(e164)).Single();
        ((string?)sent["type"]).ShouldBe("template");
        ((string?)sent["template"]!["name"]).ShouldBe("estado_candidatura");
        ((string?)sent["template"]!["language"]!["code"]).ShouldBe("pt_PT");
        sent["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]).ShouldBe(["Ana", "approved"]);
    }

    [Fact]
    public async Task Inside_the_window_a_status_notice_goes_as_free_text()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var key = "notify:" + Guid.NewGuid().ToString("N");

        await EnqueueAsync(e164, conversation, key, new OutboxPayload { Text = "Aprovada!", Purpose = "status_notice.approved", Language = "pt" }, MessageClasses.ServiceNotice);

        await Eventually.TrueAsync(async () => await OutboxStateAsync(key) == "sent", "the notice sent");
        ((string?)Cloud.Graph.SentTo(Digits(e164)).Single()["text"]!["body"]).ShouldBe("Aprovada!");
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_nothing_is_sent_and_agents_get_a_note()
    {
        var (e164, conversation) = await DriverWhoWroteAsync(hoursAgo: 25);

        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Ainda está interessada?");

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Any(m => m.Private && m.Content!.Contains("24 horas")), "the note to agents");
        (await ScalarAsync<string>("SELECT state FROM outbox WHERE lane = 'whatsapp'")).ShouldBe("sent");
        (await ScalarAsync<string>("SELECT last_error FROM outbox WHERE lane = 'whatsapp'")).ShouldContain("24-hour window");
        Cloud.Graph.SentTo(Digits(e164)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_re_engagement_error_is_permanent_and_never_retried()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        Cloud.Graph.FailNext(400, 131047, "Re-engagement message");

        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Olá?");

        await Eventually.TrueAsync(async () => await ScalarAsync<string?>("SELECT state FROM outbox WHERE lane = 'whatsapp'") == "dead", "a dead letter at once");
        (await ScalarAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp'")).ShouldBe(1);
        (await ScalarAsync<string>("SELECT last_error FROM outbox WHERE lane = 'whatsapp'")).ShouldContain("(131047)");
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Any(m => m.Private && m.Content!.Contains("131047")), "the dead-letter note");
        Cloud.Graph.SentTo(Digits(e164)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rate_limit_is_transient_and_the_message_goes_once_after_the_backoff()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        Cloud.Graph.FailNext(400, 130429, "Rate limit hit");

        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Uma só vez");

        await Eventually.TrueAsync(async () => await ScalarAsync<string?>("SELECT state FROM outbox WHERE lane = 'whatsapp'") == "sent", "sent after the retry");
        (await ScalarAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp'")).ShouldBe(2);
        Cloud.Graph.SentTo(Digits(e164)).Count.ShouldBe(1);
    }
}
