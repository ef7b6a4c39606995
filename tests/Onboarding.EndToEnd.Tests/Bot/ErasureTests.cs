using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bridge.Inbound.Ledger;
using Onboarding.Bridge.Retention;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>
/// GDPR erasure leaves nothing (issue 17): a driver goes through the whole flow, is erased (by staff, or by retention
/// once the rejection is old enough), and then no column of any table and nothing in Chatwoot holds their NIF, IBAN,
/// phone, name or email.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class ErasureTests(BotFixture bot) : BotContext(bot)
{
    // Values no other test uses, so the shared fake Chatwoot holds them only for this driver.
    private const string Nif = "245678905";
    private const string Iban = "PT50003300004567890123437";
    private const string Name = "Joana Pereira Quintela";
    private const string Email = "joana.quintela@example.pt";
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 1024).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Erasing_a_driver_leaves_no_trace_in_any_table_nor_in_chatwoot(bool byRetention)
    {
        var e164 = NewPhone();
        var phone = Bot.Wpp.Phone(e164, "Joana Quintela");
        await SayAsync(phone, "Olá");
        await SayAsync(phone, "1");
        foreach (var answer in new[] { Name, Nif, Email, "14/03/1994", "lisboa", "Amadora", "2700-123", "carro", "AA-00-AA", "L-1234567 8", "B, A1", "PT50 0033 0000 4567 8901 2343 7" })
        {
            await SayAsync(phone, answer);
        }

        (await SayAsync(phone, "Manhãs")).ShouldContain(r => r.StartsWith("Obrigado, Joana!", StringComparison.Ordinal));
        var driverId = await ScalarAsync<Guid>("SELECT id FROM drivers WHERE phone_e164 = @e164", new { e164 });
        (await ModeOfAsync(e164)).ShouldBe("human");
        var (photo, _) = await phone.SendMediaAsync("image", Photo, "image/jpeg", "cartao-joana-quintela.jpg");
        await Eventually.TrueAsync(async () => ChatwootMessagesOf(e164).Any(m => m.Attachments.Count > 0) && await QuietAsync(), "the photo in Chatwoot");
        var conversation = ConversationOf(e164)!;
        await Bot.Chatwoot.AgentReplyAsync(conversation.Id, "Olá Joana Pereira Quintela, confirme o NIF " + Nif + ", por favor.");
        await Eventually.TrueAsync(async () => phone.Received.Any(m => m.Body?.Contains(Nif, StringComparison.Ordinal) == true) && await QuietAsync(), "the agent's reply");
        (await HitsAsync(e164)).ShouldNotBeEmpty();
        var export = await ExportAsync(driverId);
        // Receipts too, when WhatsApp's have arrived by now.
        var held = export.GetProperty("held_in").EnumerateArray().Where(p => p.GetProperty("rows").GetInt64() > 0).Select(p => p.GetProperty("place").GetString()).ToList();
        held.ShouldBeSubsetOf(["inbound_messages", "outbox", "message_receipts", "contacts", "conversations", "driver_status_history", "chatwoot"]);
        held.Count(p => p != "message_receipts").ShouldBe(6);
        export.GetProperty("whatsapp_messages").EnumerateArray().ShouldContain(m => m.GetProperty("text").GetString() == Nif);

        if (byRetention)
        {
            await ScalarAsync<int>("UPDATE drivers SET status = 'rejected', updated_at = now() - interval '365 days' WHERE id = @driverId", new { driverId });
            (await Bot.Services.GetRequiredService<GdprRetention>().RunOnceAsync(TestContext.Current.CancellationToken)).Anonymised.ShouldBe(1);
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drivers/{driverId}/erase");
            request.Headers.Add("X-Api-Key", BotFixture.StaffKey);
            using var response = await Bot.Http.SendAsync(request, TestContext.Current.CancellationToken);
            response.IsSuccessStatusCode.ShouldBeTrue();
        }

        await Eventually.TrueAsync(async () => Bot.Chatwoot.Contacts.All(c => c.Id != conversation.ContactId) && await QuietAsync(), "the Chatwoot contact deleted");
        (await HitsAsync(e164)).ShouldBeEmpty();
        (await ScalarAsync<string>("SELECT status FROM drivers WHERE id = @driverId", new { driverId })).ShouldBe("erased");

        // A replay of an erased message (a late webhook, a catch-up) finds its hashed id and records nothing.
        (await Bot.Services.GetRequiredService<InboundLedger>().RecordAsync(photo.Id, photo.ChatId, false, DateTime.UtcNow, "webhook", "{}", TestContext.Current.CancellationToken))
            .ShouldBeFalse();
        Bot.Chatwoot.Conversation(conversation.Id).ShouldBeNull();
        (await ExportAsync(driverId)).GetProperty("held_in").EnumerateArray().Where(p => p.GetProperty("rows").GetInt64() > 0)
            .Select(p => p.GetProperty("place").GetString()).ShouldBe(["driver_status_history"]);
    }

    private async Task<JsonElement> ExportAsync(Guid driverId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/drivers/{driverId}/gdpr-export");
        request.Headers.Add("X-Api-Key", BotFixture.StaffKey);
        using var response = await Bot.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every place (table.column, or Chatwoot's contact/message) that still holds one of the driver's values.</summary>
    private async Task<IReadOnlyList<string>> HitsAsync(string e164)
    {
        string[] needles = [Nif, Iban, "PT50 0033", e164, e164[4..], Name, "Quintela", Email];
        var hits = new List<string>();
        var columns = await QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
        foreach (var (table, column) in columns)
        {
            foreach (var needle in needles)
            {
                if (await ScalarAsync<long>($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE '%' || @needle || '%'", new { needle }) > 0)
                {
                    hits.Add($"{table}.{column}: {needle}");
                }
            }
        }

        var chatwoot = Bot.Chatwoot.Contacts.Select(c => $"contact {c.Id}: {c.Name} {c.PhoneNumber} {c.Email} {c.Identifier} {c.CustomAttributes.ToJsonString()} {c.AdditionalAttributes.ToJsonString()}")
            .Concat(Bot.Chatwoot.Conversations.Select(c => $"conversation {c.Id}: {c.CustomAttributes.ToJsonString()}"))
            .Concat(Bot.Chatwoot.Conversations.SelectMany(c => Bot.Chatwoot.Messages(c.Id))
                .Select(m => $"message {m.Id}: {m.Content} {m.SourceId} {string.Join(' ', m.Attachments.Select(a => a.FileName))}"));
        hits.AddRange(chatwoot.Where(text => needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase))));
        return hits;
    }
}
