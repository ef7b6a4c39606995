using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// A reply to a chat WhatsApp Web no longer holds: WPPConnect answers 500 "Erro ao enviar a mensagem." with wa-js's
/// <c>chat_not_found</c>, nothing went out, and retrying cannot help (docs/0025): the reply is a dead letter at once
/// with a note, the chat's later replies are not held behind it, and once the driver writes again replies go out.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class UnheldChatTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_reply_to_a_chat_whatsapp_web_does_not_hold_fails_at_once_with_a_note_and_the_next_reply_is_not_held()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Inês");
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        var conversation = ConversationOf(e164)!.Id;

        Bridge.Wpp.ForgetChat(phone.ChatId);
        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Primeira resposta");
        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Segunda resposta");

        await Eventually.TrueAsync(async () => await ScalarAsync<int>("SELECT count(*) FROM outbox WHERE lane = 'whatsapp' AND state = 'dead'") == 2, "both replies dead letters");
        (await QueryAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp' ORDER BY id")).ShouldBe([1, 1]);
        (await ScalarAsync<string>("SELECT last_error FROM outbox WHERE lane = 'whatsapp' ORDER BY id LIMIT 1")).ShouldContain("chat_not_found");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count(m => m.Private && m.Content!.Contains("não tem esta conversa", StringComparison.Ordinal)) == 2, "a note for each");
        phone.Received.ShouldBeEmpty();

        // The driver writes again: WhatsApp Web holds the chat, and the next reply goes out.
        await phone.SendTextAsync("Ainda estou interessado");
        await Bridge.Chatwoot.AgentReplyAsync(conversation, "Terceira resposta");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Terceira resposta"), "the third reply delivered");
        phone.Received.Select(m => m.Body).ShouldBe(["Terceira resposta"]);
    }
}
