using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>Two replicas on one database share the work without duplicating it or breaking a chat's order.</summary>
[Collection(BridgeCollection.Name)]
public sealed class ReplicaTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    [Fact]
    public async Task Two_hosts_sharing_one_database_drain_a_shared_backlog_once_and_in_order()
    {
        const int chats = 20;
        const int perChat = 15;
        var phones = Enumerable.Range(0, chats).Select(_ => Bridge.Wpp.Phone(NewPhone(), "Condutor")).ToList();
        var sent = phones.ToDictionary(p => p.Digits, _ => new List<string>());

        // Chatwoot is down while the messages arrive: the backlog builds up in the ledger of the shared database.
        Bridge.Chatwoot.Faults.Down = true;
        for (var i = 0; i < perChat; i++)
        {
            foreach (var phone in phones)
            {
                var text = $"{phone.Digits[^4..]} n.º {i:D2}";
                await phone.SendTextAsync(text);
                sent[phone.Digits].Add(text);
            }
        }

        var chatIds = phones.Select(p => p.ChatId).ToArray();
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'pending' AND wa_chat_id = ANY(@chatIds)", new { chatIds }) == chats * perChat, "the backlog");
        // Replicas other tests started and stopped may still have a row here: the new one is what must appear.
        const string schedulers = "SELECT coalesce(array_agg(DISTINCT instance_name), '{}') FROM qrtz_scheduler_state";
        var schedulersBefore = await ScalarAsync<string[]>(schedulers);
        await using var replica = Bridge.StartReplica();
        Bridge.Chatwoot.Faults.Down = false;

        await Eventually.TrueAsync(() => phones.All(p => ChatwootMessagesOf("+" + p.Digits).Count >= perChat), "the backlog drained by both hosts", 90);
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done' AND wa_chat_id = ANY(@chatIds)", new { chatIds }) == chats * perChat, "every row done");
        foreach (var phone in phones)
        {
            ChatwootMessagesOf("+" + phone.Digits).Select(m => m.Content).ShouldBe(sent[phone.Digits]);
            Bridge.Chatwoot.Contacts.Count(c => c.PhoneNumber == "+" + phone.Digits).ShouldBe(1);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.wa_chat_id = ANY(@chatIds)", new { chatIds })).ShouldBe(chats);
        (await ScalarAsync<string[]>(schedulers)).Except(schedulersBefore).Count().ShouldBe(1, "the replica joined the cluster");
    }
}
