using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// A Chatwoot whose Rack::Attack throttle is far tighter than the bridge's budget (5 requests a second per address,
/// from 127.0.0.2): every 429 is waited out in place, nothing is lost, duplicated, reordered or dead-lettered.
/// </summary>
public sealed class ChatwootRateLimitFixture : BridgeFixture
{
    protected override FakeChatwootOptions ChatwootOptions()
    {
        var options = base.ChatwootOptions();
        options.RequestsPerPeriod = 5;
        options.ThrottlePeriod = TimeSpan.FromSeconds(1);
        return options;
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => new Dictionary<string, string>
    {
        ["Chatwoot:LocalAddress"] = "127.0.0.2",
    };
}

[CollectionDefinition(Name)]
public sealed class ChatwootRateLimitCollection : ICollectionFixture<ChatwootRateLimitFixture>
{
    public const string Name = "chatwoot-rate-limit";
}

[Collection(ChatwootRateLimitCollection.Name)]
public sealed class ChatwootRateLimitTests(ChatwootRateLimitFixture fixture) : BridgeContext(fixture)
{
    [Fact]
    public async Task Throttled_messages_arrive_once_in_order_and_none_is_dead()
    {
        const int chats = 4, perChat = 8;
        var phones = Enumerable.Range(0, chats).Select(_ => NewPhone()).ToList();
        for (var i = 1; i <= perChat; i++)
        {
            foreach (var e164 in phones)
            {
                await Bridge.Wpp.Phone(e164).SendTextAsync($"m{i}");
            }
        }

        foreach (var e164 in phones)
        {
            await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count >= perChat, "every message mirrored", 120);
        }

        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") == chats * perChat,
            "every row done", 60);
        foreach (var e164 in phones)
        {
            ChatwootMessagesOf(e164).Select(m => m.Content).ShouldBe(Enumerable.Range(1, perChat).Select(i => $"m{i}"));
        }

        Bridge.Chatwoot.Throttled.ShouldBeGreaterThan(0, "the throttle must have answered 429 for the test to mean anything");
        (await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state <> 'done'")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state = 'dead'")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM governor_grants WHERE budget = 'chatwoot'")).ShouldBeGreaterThan(0);
    }
}
