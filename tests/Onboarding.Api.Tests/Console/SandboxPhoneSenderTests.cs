using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Onboarding.Api.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.Api.Tests.Console;

/// <summary>
/// The Sandbox phone API tells the bot's messages from the company's even while their send is in flight: WhatsApp holds
/// the message before the dispatcher has recorded its id (issue 14, item 6).
/// </summary>
public sealed class SandboxPhoneSenderTests(SandboxConsoleHost host) : IClassFixture<SandboxConsoleHost>
{
    private const string Phone = "351912345671";

    [Fact]
    public async Task A_bot_message_is_the_bots_while_its_send_is_held_and_after_it_is_answered()
    {
        await FakeSendsAsync("hold");
        try
        {
            await StaffAsync(HttpMethod.Post, $"/api/sandbox/phones/{Phone}/messages", new { name = "Maria", text = "Olá" });

            // The fake has stored and delivered the bot's first message; its answer, with the WhatsApp id, is held.
            await Eventually.TrueAsync(async () => (await OursAsync()).Count > 0, "the bot's first message on the phone");
            (await InFlightSendsAsync()).ShouldBeGreaterThan(0, "the send is still in flight, its WhatsApp id unrecorded");
            (await OursAsync()).ShouldAllBe(sender => sender == "bot");
        }
        finally
        {
            await FakeSendsAsync("release");
        }

        await Eventually.TrueAsync(async () => await InFlightSendsAsync() == 0, "the held sends answered and recorded");
        var after = await OursAsync();
        after.ShouldNotBeEmpty();
        after.ShouldAllBe(sender => sender == "bot");
    }

    /// <summary>The senders of the company's messages on the phone, oldest first.</summary>
    private async Task<List<string>> OursAsync()
    {
        var chat = await StaffAsync(HttpMethod.Get, $"/api/sandbox/phones/{Phone}/messages");
        return chat.GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("sender").GetString()!)
            .Where(sender => sender != "driver")
            .ToList();
    }

    /// <summary>WhatsApp sends to the phone not yet answered: pending, or sending with no WhatsApp id recorded.</summary>
    private async Task<long> InFlightSendsAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM outbox
            WHERE wa_chat_id = @chatId AND lane = 'whatsapp' AND state IN ('pending', 'sending') AND wa_message_id IS NULL
            """,
            new { chatId = Phone + "@c.us" });
    }

    private async Task<JsonElement> StaffAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", AppFixture.StaffKey);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Holds or releases the fake WPPConnect's send answers (it listens on the port after the host's).</summary>
    private async Task FakeSendsAsync(string action)
    {
        var fake = new Uri($"http://127.0.0.1:{(host.Port + 1).ToString(CultureInfo.InvariantCulture)}/__faults/sends/{action}");
        using var response = await host.Http.PostAsync(fake, null);
        response.IsSuccessStatusCode.ShouldBeTrue(action);
    }
}
