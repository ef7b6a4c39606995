using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge.CloudApi;

/// <summary>The bridge against the Sandbox's Cloud API fake: what the in-test Graph API cannot show (its phones, its window, its statuses).</summary>
[Collection(FakeCloudApiCollection.Name)]
public sealed class FakeCloudApiTests(FakeCloudApiFixture cloud) : BridgeContext(cloud)
{
    private FakeCloudApiFixture Cloud { get; } = cloud;

    private async Task<(string E164, int Conversation)> DriverWhoWroteAsync()
    {
        var e164 = NewPhone();
        await Cloud.Cloud.Phone(e164, "Ana").SendTextAsync("Olá, quero ser estafeta");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        return (e164, ConversationOf(e164)!.Id);
    }

    [Fact]
    public async Task An_agent_reply_reaches_the_phone_once_and_its_statuses_reach_chatwoot()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        ChatwootMessagesOf(e164)[0].Content.ShouldBe("Olá, quero ser estafeta");
        Bridge.Chatwoot.Contacts.Single(c => c.PhoneNumber == e164).Name.ShouldBe("Ana");

        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Bem-vinda, Ana!");

        var phone = Cloud.Cloud.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Text == "Bem-vinda, Ana!"), "the reply on the phone");
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "delivered", "delivered");
        await phone.ReadAsync();
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "read", "read");
        phone.Received.Count(m => m.Text == "Bem-vinda, Ana!").ShouldBe(1);
    }

    [Fact]
    public async Task A_choice_shows_as_buttons_and_the_tapped_one_comes_back_as_its_label()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        await Bridge.Services.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxEntry("bot:e2e:" + Guid.NewGuid().ToString("N"), e164.TrimStart('+') + "@c.us",
            OutboxKinds.Text, new OutboxPayload
            {
                Text = "Onde quer trabalhar?\n\n1. Lisboa\n2. Porto\n3. Faro",
                ChoiceBody = "Onde quer trabalhar?",
                Choices = ["Lisboa", "Porto", "Faro"],
                Typing = true,
            })
        { ChatwootConversationId = conversation }, TestContext.Current.CancellationToken);

        var phone = Cloud.Cloud.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Type == "interactive"), "the buttons on the phone");
        var shown = phone.Received.Single(m => m.Type == "interactive");
        await phone.TapButtonAsync(shown.Id, "2");

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Any(m => m.Content == "Porto"), "the tapped label in Chatwoot");
        (await ScalarAsync<string>("SELECT payload->>'type' FROM inbound_messages WHERE payload->>'body' = 'Porto'")).ShouldBe("buttons_response");

        // "Typing…" marked the driver's message read.
        await Eventually.TrueAsync(() => phone.Received.Count > 0 && Cloud.Cloud.Messages(e164.TrimStart('+')).Any(m => !m.FromBusiness && m.Status == "read"), "the driver's message read");
    }

    [Fact]
    public async Task A_status_notice_30_hours_later_goes_as_its_template()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        await ScalarAsync<int>("UPDATE inbound_messages SET wa_timestamp = now() - interval '30 hours'");
        Cloud.Clock.Advance(TimeSpan.FromHours(30));
        var key = "notify:e2e:" + Guid.NewGuid().ToString("N");

        await Bridge.Services.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxEntry(key, e164.TrimStart('+') + "@c.us", OutboxKinds.Text, new OutboxPayload
        {
            Text = "Olá Ana, a sua candidatura foi aprovada.",
            Purpose = "status_notice.approved",
            Language = "pt",
            Values = new Dictionary<string, string> { ["name"] = "Ana" },
        })
        { Class = MessageClasses.ServiceNotice, ChatwootConversationId = conversation }, TestContext.Current.CancellationToken);

        var phone = Cloud.Cloud.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Type == "template"), "the template on the phone");
        var template = phone.Received.Single(m => m.Type == "template");
        template.Rendered!.ShouldContain("Ana");
        template.Rendered!.ShouldContain("a sua candidatura foi aprovada");
        phone.Received.ShouldNotContain(m => m.Type == "text");
    }

    [Fact]
    public async Task A_free_form_send_the_fake_finds_outside_its_window_fails_for_good_with_its_reason_in_chatwoot()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        Cloud.Clock.Advance(TimeSpan.FromHours(25));

        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Ainda aí?");

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "failed", "failed in Chatwoot");
        Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).ContentAttributes.ToJsonString().ShouldContain("131047");
        (await ScalarAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp'")).ShouldBe(1);
    }
}
