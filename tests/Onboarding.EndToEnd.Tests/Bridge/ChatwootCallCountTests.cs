using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// Chatwoot calls per mirrored message in steady state (docs/0030): what each kind of message costs against
/// Chatwoot's rate limit, read from the fake's recorded requests.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class ChatwootCallCountTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task A_plain_text_in_an_existing_conversation_costs_one_call()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui");
        await phone.SendTextAsync("primeira");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        await SettledAsync(1);

        Bridge.Chatwoot.ClearRequests();
        await phone.SendTextAsync("segunda");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 2, "the second message mirrored");
        await SettledAsync(2);

        var calls = ChatwootCalls();
        calls.ShouldBe(["POST /api/v1/accounts/{account_id}/conversations/{conversation_id:int}/messages"]);
    }

    [Fact]
    public async Task A_read_receipt_costs_one_call_and_a_private_note_none()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rita");
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        var conversation = ConversationOf(e164)!.Id;
        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Recebeu?");
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "delivered", "delivered");
        await SettledAsync(1);

        Bridge.Chatwoot.ClearRequests();
        await phone.ReadAsync();
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "read", "read");
        await SettledAsync(1);
        ChatwootCalls().ShouldBe(["PATCH /api/v1/accounts/{account_id}/conversations/{conversation_id:int}/messages/{message_id:int}"]);

        Bridge.Chatwoot.ClearRequests();
        // The fake returns once the bridge answered the note's webhook.
        var (note, delivery) = await Bridge.Chatwoot.AgentNoteAsync(conversation, "nota interna");
        delivery.ShouldNotBeNull();
        await SettledAsync(1);
        note.Private.ShouldBeTrue();
        phone.Received.ShouldNotContain(m => m.Body == "nota interna");
        ChatwootCalls().ShouldBeEmpty();
    }

    /// <summary>The ledger and the outbox have nothing left to do.</summary>
    private async Task SettledAsync(int doneRows)
    {
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") >= doneRows
            && await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'pending'") == 0
            && await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')") == 0, "the bridge settled");
    }

    private List<string> ChatwootCalls() =>
        Bridge.Chatwoot.Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.RoutePattern}").ToList();
}
