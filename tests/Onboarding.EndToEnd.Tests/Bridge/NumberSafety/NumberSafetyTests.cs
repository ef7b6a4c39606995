using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Drains;
using Onboarding.Bridge.Notifications;
using Onboarding.Bridge.Outbound.Outbox;
using Onboarding.Bridge.Session;
using Onboarding.Bridge.State;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge.NumberSafety;

/// <summary>
/// The sending governor against the WPPConnect fake (docs/0027, 0028): status notices within the number's budgets while
/// a live conversation is answered at once, no notice to a cold chat, a restriction pauses notices, a logout holds the
/// lane and it resumes in order without a duplicate.
/// </summary>
[Collection(NumberSafetyCollection.Name)]
public sealed class NumberSafetyTests(NumberSafetyFixture fixture) : BridgeContext(fixture)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private ManualClock Clock => fixture.Clock;

    [Fact]
    public async Task A_burst_of_100_status_changes_goes_out_within_the_budgets_while_a_live_driver_is_answered_at_once()
    {
        var drivers = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            drivers.Add(await WarmDriverAsync(NewPhone()));
        }

        await NotifyAsync();
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE message_class = 'service_notice'")).ShouldBe(100);

        // The clock stands still: one notice goes, the others wait for their gap, and a driver writing now is answered.
        var live = NewPhone();
        var phone = Bridge.Wpp.Phone(live);
        await phone.SendTextAsync("Olá, tenho uma dúvida");
        await Eventually.TrueAsync(() => ConversationOf(live) is not null, "the live driver's conversation");
        await Bridge.Chatwoot.AgentReplyAsync(ConversationOf(live)!.Id, "Bom dia! Diga.");
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Bom dia! Diga."), "the agent's reply on the driver's phone");
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state = 'pending'")).ShouldBeGreaterThan(90);

        // Time moves on a second at a time until every notice is out.
        await RunClockUntilAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state <> 'sent'") == 0, "all 100 notices sent");

        var grants = (await QueryAsync<DateTime>(
            "SELECT granted_at FROM governor_grants WHERE budget = @b ORDER BY granted_at", new { b = SendGovernor.NoticeBudget })).ToList();
        grants.Count.ShouldBe(100);
        for (var i = 0; i < grants.Count; i++)
        {
            grants.Count(g => g > grants[i] - Minute && g <= grants[i]).ShouldBeLessThanOrEqualTo(8, $"notices in the minute up to grant {i}");
            if (i > 0)
            {
                (grants[i] - grants[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.5), $"gap before grant {i}");
            }
        }

        var sent = Bridge.Wpp.Sent.Where(m => drivers.Contains(m.ChatId)).ToList();
        sent.Count.ShouldBe(100);
        sent.Select(m => m.ChatId).Distinct().Count().ShouldBe(100);
    }

    [Fact]
    public async Task A_cold_chat_gets_no_notice_and_the_agents_get_a_note()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164);
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ConversationOf(e164) is not null, "the driver's conversation");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'done'") == 1, "the message mirrored");

        // The driver last wrote 40 days ago.
        await ScalarAsync<int>("UPDATE inbound_messages SET wa_timestamp = now() - interval '40 days'");
        await AddDriverAsync(e164, phone.ChatId, "approved");
        await NotifyAsync();

        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Any(m => m.Private && m.Content?.Contains("não escreve há mais de 30 dias") == true),
            "a private note about the notice not sent");
        phone.Received.ShouldBeEmpty();
        (await ScalarAsync<string>("SELECT last_error FROM outbox WHERE message_class = 'service_notice'")).ShouldStartWith("dropped: cold");
    }

    [Fact]
    public async Task A_driver_who_writes_from_a_privacy_id_is_not_a_cold_chat_for_a_notice_to_the_phone_id()
    {
        var e164 = NewPhone();
        var phone = Bridge.Wpp.Phone(e164, "Rui", lid: "3" + e164[^9..] + "54321");
        await phone.SendTextAsync("Olá");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM inbound_messages WHERE wa_chat_id = @c AND state = 'done'", new { c = phone.ChatId }) == 1, "the message mirrored");

        // Registered under the phone's own id, while the driver writes from the privacy id.
        var phoneChat = e164.TrimStart('+') + "@c.us";
        phone.ChatId.ShouldEndWith("@lid");
        await AddDriverAsync(e164, phoneChat, "approved");
        await NotifyAsync();

        await RunClockUntilAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND wa_chat_id = @c AND state = 'sent'",
            new { c = phoneChat }) == 1, "the notice sent");
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE wa_chat_id = @c AND last_error LIKE 'dropped: cold%'", new { c = phoneChat })).ShouldBe(0);
        phone.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_restriction_pauses_service_notices_and_alerts_operations()
    {
        // Warm for the bridge, but WhatsApp sees chats that never wrote: it restricts after two sends.
        Bridge.Wpp.RestrictColdSendsAfter(2);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await WarmDriverAsync(NewPhone());
            }

            await NotifyAsync();
            await RunClockUntilAsync(async () => await ScalarAsync<string?>(
                "SELECT value FROM bridge_state WHERE key = @k", new { k = SendGovernor.RestrictedUntil }) is not null, "the pause after the restriction");

            // Sends already on their way when the restriction came back may be refused too; none after the pause is known.
            var refusedBeforePause = Bridge.Wpp.RestrictedSends;

            // Ten more minutes pass inside the pause: the notices stay held, and nothing more is sent or even tried.
            for (var i = 0; i < 600; i += 10)
            {
                Clock.Advance(TimeSpan.FromSeconds(10));
                Bridge.Services.GetRequiredService<BridgeSignal>().Wake();
                await Eventually.TrueAsync(async () => await ScalarAsync<long>(
                    "SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state = 'pending' AND last_error = 'held: restricted'") == 3,
                    "the three unsent notices held by the pause");
            }

            Bridge.Wpp.RestrictedSends.ShouldBe(refusedBeforePause, "sends made while paused");
            (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state = 'sent'")).ShouldBe(2);
            (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state = 'pending' AND attempts = 0")).ShouldBe(3);
            (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'note:alert:restricted:%'")).ShouldBe(1);
            var status = await Bridge.Services.GetRequiredService<SendGovernor>().StatusAsync(TestContext.Current.CancellationToken);
            status.PausedUntil.ShouldNotBeNull();
            status.PausedReason.ShouldNotBeNull().ShouldContain("463");
        }
        finally
        {
            Bridge.Wpp.RestrictColdSendsAfter(-1);
            await ScalarAsync<int>("DELETE FROM bridge_state WHERE key LIKE 'governor.%'");
        }
    }

    [Fact]
    public async Task A_logout_holds_the_lane_and_it_resumes_in_order_without_a_duplicate()
    {
        var chats = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            chats.Add(await WarmDriverAsync(NewPhone()));
        }

        await Bridge.Wpp.LogOutAsync();
        try
        {
            // Three more changes each, in order (each its own notice): four notices a chat with the first approval.
            foreach (var status in new[] { "under_review", "approved", "rejected" })
            {
                await ScalarAsync<int>(
                    "INSERT INTO driver_status_history (driver_id, to_status, reason, actor) SELECT id, @status, 'teste', 'test' FROM drivers", new { status });
            }

            await NotifyAsync();
            await RunClockUntilAsync(async () => await ScalarAsync<string?>(
                "SELECT value FROM bridge_state WHERE key = @k", new { k = BridgeState.SessionStatus }) is { } state && state != SessionHealth.Connected,
                "the lane learning of the logout");
            await Eventually.TrueAsync(async () => await ScalarAsync<long>(
                "SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state = 'pending' AND last_error LIKE 'held: session%'") == 3,
                "the head notice of each chat waiting for the session");
            Bridge.Wpp.Sent.Count(m => chats.Contains(m.ChatId)).ShouldBe(0);
            (await ScalarAsync<long>("SELECT coalesce(max(attempts), 0) FROM outbox WHERE message_class = 'service_notice'")).ShouldBe(0);
        }
        finally
        {
            await Bridge.Wpp.ScanQrAsync();
        }

        (await Bridge.Services.GetRequiredService<SessionHealth>().RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(SessionHealth.Connected);
        await RunClockUntilAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE message_class = 'service_notice' AND state <> 'sent'") == 0, "all notices sent after the login");

        foreach (var chat in chats)
        {
            var texts = Bridge.Wpp.Sent.Where(m => m.ChatId == chat).Select(m => m.Body ?? "").ToList();
            texts.Count.ShouldBe(4);
            texts[0].ShouldContain("aprovada");
            texts[1].ShouldContain("analisada");
            texts[2].ShouldContain("aprovada");
            texts[3].ShouldContain("não foi possível");
        }
    }

    /// <summary>A driver who wrote yesterday (as the bridge's ledger knows it) with a pending status change; returns the chat.</summary>
    private async Task<string> WarmDriverAsync(string e164)
    {
        var phone = Bridge.Wpp.Phone(e164);
        await ScalarAsync<int>(
            """
            INSERT INTO inbound_messages (wa_message_id, wa_chat_id, from_me, wa_timestamp, received_via, payload, state)
            VALUES ('false_' || @chat || '_warm', @chat, false, now() - interval '1 day', 'poll', '{}', 'done')
            """, new { chat = phone.ChatId });
        await AddDriverAsync(e164, phone.ChatId, "approved");
        return phone.ChatId;
    }

    private Task<int> AddDriverAsync(string e164, string chat, string status) => ScalarAsync<int>(
        """
        WITH d AS (INSERT INTO drivers (id, phone_e164, wa_chat_id, full_name, status) VALUES (gen_random_uuid(), @e164, @chat, 'Ana Teste', @status) RETURNING id)
        INSERT INTO driver_status_history (driver_id, from_status, to_status, actor) SELECT id, 'submitted', @status, 'test' FROM d
        """, new { e164, chat, status });

    private async Task NotifyAsync()
    {
        var notifier = Bridge.Services.GetRequiredService<DriverNotifier>();
        while (await notifier.RunOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    /// <summary>Moves the governor's clock a second at a time, waking the drains, until <paramref name="done"/>.</summary>
    private async Task RunClockUntilAsync(Func<Task<bool>> done, string what)
    {
        var signal = Bridge.Services.GetRequiredService<BridgeSignal>();
        await Eventually.TrueAsync(async () =>
        {
            if (await done())
            {
                return true;
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
            signal.Wake();
            return false;
        }, what, 120);
    }
}
