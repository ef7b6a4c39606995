using System.Net;
using System.Text;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.Chatwoot;
using Onboarding.Sandbox.Hosting;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

[Collection(BridgeCollection.Name)]
public sealed class OutboundTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    /// <summary>A driver who wrote once, so the bridge has a Chatwoot conversation for the chat.</summary>
    private async Task<(string E164, int ConversationId)> DriverWhoWroteAsync()
    {
        var e164 = NewPhone();
        await Bridge.Wpp.Phone(e164, "Ana").SendTextAsync("Olá");
        await Eventually.TrueAsync(() => ChatwootMessagesOf(e164).Count == 1, "the first message mirrored");
        return (e164, ConversationOf(e164)!.Id);
    }

    [Fact]
    public async Task An_agent_reply_reaches_the_driver_once()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();

        var (_, delivery) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Olá Ana, em que posso ajudar?");

        delivery!.Succeeded.ShouldBeTrue(delivery.Error);
        var phone = Bridge.Wpp.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "Olá Ana, em que posso ajudar?"), "the reply on the phone");
        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'") == 1, "the outbox row sent");
        phone.Received.Count(m => m.Body == "Olá Ana, em que posso ajudar?").ShouldBe(1);
    }

    [Fact]
    public async Task WhatsApp_receipts_show_in_chatwoot_as_delivered_then_read()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var (reply, _) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Recebeu?");

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "delivered", "delivered");
        await Bridge.Wpp.Phone(e164).ReadAsync();

        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Single(m => m.Id == reply.Id).Status == "read", "read");
        // Chatwoot shows "read" when it receives the update; the row is marked sent once the answer is back.
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE lane = 'chatwoot' AND state = 'sent' AND dedupe_key LIKE 'ack:%' AND chatwoot_message_id = @message",
            new { message = reply.Id }) == 2, "both receipts sent");
    }

    [Fact]
    public async Task A_replayed_chatwoot_webhook_sends_once()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var (_, delivery) = await Bridge.Chatwoot.AgentReplyAsync(conversation, "Uma só vez");

        for (var i = 0; i < 3; i++)
        {
            using var replay = await Replay(delivery!);
            replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE lane = 'whatsapp' AND state = 'sent'") == 1, "sent");
        Bridge.Wpp.Phone(e164).Received.Count(m => m.Body == "Uma só vez").ShouldBe(1);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE lane = 'whatsapp'")).ShouldBe(1);
    }

    [Theory]
    [InlineData("wrong-signature")]
    [InlineData("stale")]
    [InlineData("missing")]
    public async Task Bad_or_stale_signatures_are_401_and_enqueue_nothing(string kind)
    {
        var (_, conversation) = await DriverWhoWroteAsync();
        Bridge.Chatwoot.Faults.DropWebhooks = true;
        // A text of this case alone: the cases before it left dropped webhooks of their own.
        var text = $"deve sair ({kind})";
        await Bridge.Chatwoot.AgentReplyAsync(conversation, "não " + text);

        // The fake may post in the background: keep dropping until this reply's webhook has been dropped.
        await Eventually.TrueAsync(() => Dropped() is not null, "the reply's webhook dropped");
        Bridge.Chatwoot.Faults.DropWebhooks = false;
        var body = Dropped()!.Body;

        var timestamp = kind == "stale" ? DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/chatwoot") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (kind != "missing")
        {
            request.Headers.Add("X-Chatwoot-Timestamp", timestamp);
            request.Headers.Add("X-Chatwoot-Signature", kind == "wrong-signature"
                ? FakeChatwoot.Sign("another-secret", timestamp, body)
                : FakeChatwoot.Sign(BridgeFixture.ChatwootSecret, timestamp, body));
        }

        using var response = await Bridge.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ScalarAsync<long>("SELECT count(*) FROM outbox")).ShouldBe(0);

        WebhookDelivery? Dropped() => Bridge.Chatwoot.Webhooks.LastOrDefault(w =>
            w.Event == "message_created" && w.StatusCode is null && w.Body.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 17's reproduced SSRF: an agent-reply webhook whose attachment points at an internal address (a listener on
    /// 127.0.0.2 standing for the cloud metadata service) is not fetched, nothing reaches WhatsApp, and the agents get
    /// a note at once (no retries).
    /// </summary>
    [Fact]
    public async Task An_attachment_on_an_internal_address_is_never_fetched_and_the_agents_are_told_at_once()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        var metadata = new System.Net.Sockets.TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        metadata.Start();
        try
        {
            var url = $"http://127.0.0.2:{((IPEndPoint)metadata.LocalEndpoint).Port}/latest/meta-data/iam/security-credentials/";
            var body = $$"""
                {"event":"message_created","id":{{900_000 + conversation}},"message_type":"outgoing","private":false,"content":null,
                 "conversation":{"id":{{conversation}}},"sender":{"type":"user","id":1},"attachments":[{"id":1,"file_type":"file","data_url":"{{url}}"}]}
                """;
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/chatwoot") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Chatwoot-Timestamp", timestamp);
            request.Headers.Add("X-Chatwoot-Signature", FakeChatwoot.Sign(BridgeFixture.ChatwootSecret, timestamp, body));
            using var response = await Bridge.Http.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);

            await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Any(m => m.Private && m.Content!.Contains("não chegou ao WhatsApp", StringComparison.Ordinal)), "the note");
            (await ScalarAsync<string>("SELECT state FROM outbox WHERE lane = 'whatsapp'")).ShouldBe("dead");
            (await ScalarAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp'")).ShouldBeLessThanOrEqualTo(1);
            (await ScalarAsync<string>("SELECT last_error FROM outbox WHERE lane = 'whatsapp'")).ShouldStartWith("refused_fetch");
            Bridge.Wpp.Phone(e164).Received.ShouldBeEmpty();
            metadata.Pending().ShouldBeFalse();
        }
        finally
        {
            metadata.Stop();
        }
    }

    [Fact]
    public async Task Private_notes_and_our_own_echoes_are_not_sent_to_whatsapp()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();

        await Bridge.Chatwoot.AgentNoteAsync(conversation, "nota interna");

        // The incoming mirror of the driver's "Olá" also came back as a webhook (message_type incoming): ignored too.
        // This chat's rows only: background work the shared host still does for an earlier test may write after the reset.
        (await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE wa_chat_id = @chat", new { chat = Bridge.Wpp.Phone(e164).ChatId })).ShouldBe(0);
        Bridge.Wpp.Phone(e164).Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_send_that_whatsapp_reports_as_failed_is_retried_then_delivered_with_a_note()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();
        Bridge.Wpp.FailNextSends(2);

        await Bridge.Chatwoot.AgentReplyAsync(conversation, "depois de falhar");

        var phone = Bridge.Wpp.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Any(m => m.Body == "depois de falhar"), "delivered after retries");
        await Eventually.TrueAsync(() => Bridge.Chatwoot.Messages(conversation).Any(m => m.Private && m.Content!.Contains("após")), "the recovery note");
        phone.Received.Count(m => m.Body == "depois de falhar").ShouldBe(1);
        (await ScalarAsync<int>("SELECT attempts FROM outbox WHERE lane = 'whatsapp'")).ShouldBe(3);
    }

    [Fact]
    public async Task Agent_replies_keep_their_order_per_chat()
    {
        var (e164, conversation) = await DriverWhoWroteAsync();

        for (var i = 1; i <= 5; i++)
        {
            await Bridge.Chatwoot.AgentReplyAsync(conversation, $"resposta {i}");
        }

        var phone = Bridge.Wpp.Phone(e164);
        await Eventually.TrueAsync(() => phone.Received.Count(m => m.Body!.StartsWith("resposta")) == 5, "five replies");
        phone.Received.Where(m => m.Body!.StartsWith("resposta")).Select(m => m.Body).ShouldBe(Enumerable.Range(1, 5).Select(i => $"resposta {i}"));
    }

    [Fact]
    public async Task A_replayed_status_event_is_applied_once()
    {
        var (_, conversation) = await DriverWhoWroteAsync();
        var delivery = await Bridge.Chatwoot.ChangeStatusAsync(conversation, "resolved");
        delivery!.Succeeded.ShouldBeTrue(delivery.Error);

        using var replay = await Replay(delivery);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"duplicate\"");
    }

    /// <summary>Issue 17: 600 anonymous 2 MB posts raised the host's memory; a post without signature headers is refused unread.</summary>
    [Fact]
    public async Task A_large_post_without_signature_headers_is_refused_before_its_body_is_read()
    {
        var body = new CountingStream(64L * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/chatwoot") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        try
        {
            using var response = await Bridge.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            // Kestrel answered 401 and closed the connection on a body it will not read: the client's send breaks.
        }

        body.BytesRead.ShouldBeLessThan(16L * 1024 * 1024);
    }

    /// <summary>A body of <paramref name="length"/> bytes that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Fill(buffer, (byte)' ', offset, n);
            Interlocked.Add(ref _read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private async Task<HttpResponseMessage> Replay(Onboarding.Sandbox.Hosting.WebhookDelivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in delivery.Headers.Where(h => h.Key.StartsWith("X-Chatwoot", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Bridge.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
