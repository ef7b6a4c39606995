using System.Text.Json.Nodes;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bridge;

/// <summary>
/// Every webhook body of <c>tests/fixtures/wppconnect-captured</c> (one per event kind WPPConnect Server posts, see its
/// SOURCES.md) posted to the real webhook route, twice: never a 5xx, and each kind ends in Chatwoot as the README
/// says, once and in the order WhatsApp stamped it.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class CapturedPayloadTests(BridgeFixture bridge) : BridgeContext(bridge)
{
    private const string Driver = "+351930000001";

    /// <summary>The <c>t</c> of the corpus' first message; every time is moved by the same amount to fall inside the horizon.</summary>
    private const long CorpusStart = 1767225600;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "wppconnect-captured");

    [Fact]
    public async Task Every_captured_event_kind_is_accepted_and_each_message_kind_reaches_chatwoot_once_as_the_readme_says()
    {
        Bridge.Wpp.Phone(Driver, "Condutor Exemplo");
        var shift = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300 - CorpusStart;
        var bodies = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Body: Shifted(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), shift)))
            // In the order WhatsApp stamped them; events without a time (the revoke, QR and status) after them.
            .OrderBy(f => f.Body["t"]?.GetValue<long>() ?? f.Body["timestamp"]?.GetValue<long>() / 1000 ?? long.MaxValue)
            .ToList();
        bodies.Count.ShouldBeGreaterThanOrEqualTo(14);

        foreach (var round in new[] { "first", "replayed" })
        {
            foreach (var (name, body) in bodies)
            {
                using var answer = await PostJsonAsync("/webhooks/wppconnect/" + BridgeFixture.WebhookToken, body.ToJsonString());
                ((int)answer.StatusCode).ShouldBeLessThan(500, $"{name} ({round})");
            }
        }

        await Eventually.TrueAsync(() => ChatwootMessagesOf(Driver).Count >= 9, "seven messages and two notes in Chatwoot");
        await Eventually.TrueAsync(async () => await ScalarAsync<int>("SELECT count(*) FROM inbound_messages WHERE state = 'pending'") == 0, "the ledger drained");
        var messages = ChatwootMessagesOf(Driver);
        messages.Count.ShouldBe(9, string.Join("\n", messages.Select(m => m.Content)));
        messages.Select(m => m.SourceId).Distinct().Count().ShouldBe(9);

        messages[0].Content.ShouldBe("Olá, quero ser estafeta. Tenho carta desde 2015.");
        messages[1].Attachments.Single().ContentType.ShouldBe("image/jpeg");
        messages[1].Content.ShouldBe("a minha carta de condução");
        messages[2].Attachments.Single().ContentType.ShouldBe("audio/ogg; codecs=opus");
        messages[2].Attachments.Single().Content.Take(4).ShouldBe("OggS"u8.ToArray());
        messages[3].Attachments.Single().FileName.ShouldBe("declaracao-iban.pdf");
        messages[3].Attachments.Single().ContentType.ShouldBe("application/pdf");
        messages[4].Content!.ShouldStartWith("📍 Localização: Praça do Comércio");
        messages[5].Content.ShouldBe("👤 Cartão de contacto: Ana Exemplo — +351 930 000 002");
        messages[6].Attachments.Single().ContentType.ShouldBe("image/webp");
        messages.Take(7).ShouldAllBe(m => m.MessageType == "incoming" && !m.Private);
        messages[7].Content.ShouldBe("👍 O condutor reagiu com 👍 à mensagem «Olá, quero ser estafeta. Tenho carta desde 2015.».");
        messages[8].Content!.ShouldStartWith("🗑️ O condutor apagou a mensagem");

        // The bare base64 QR is kept as a data URI; presence, calls, the receipt of an unknown message and the status leave no message.
        (await ScalarAsync<string>("SELECT value FROM bridge_state WHERE key = 'wpp.qrcode'")).ShouldStartWith("data:image/png;base64,iVBORw0KGgo");
        Bridge.Chatwoot.Contacts.Single(c => c.PhoneNumber == Driver).Name.ShouldBe("Condutor Exemplo");
    }

    /// <summary>Moves every time of the event (seconds, or milliseconds in reactions) by <paramref name="seconds"/>.</summary>
    private static JsonObject Shifted(JsonObject body, long seconds)
    {
        foreach (var field in new[] { "t", "timestamp", "offerTime", "mediaKeyTimestamp" })
        {
            if (body[field] is JsonValue v && v.TryGetValue<long>(out var time))
            {
                body[field] = time > 100_000_000_000 ? time + (seconds * 1000) : time + seconds;
            }
        }

        return body;
    }
}
