using System.Net;
using System.Net.Http.Json;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Sandbox.WppConnect;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Bot;

/// <summary>Bot scenarios: a driver's phone talking to the bot, with a transcript of what the driver saw.</summary>
public abstract class BotContext(BotFixture bot) : BridgeContext(bot)
{
    protected BotFixture Bot { get; } = bot;

    protected List<string> Transcript { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Bot.Typebot.Faults.Reset();
    }

    public override ValueTask DisposeAsync()
    {
        // The transcript of what the driver saw, printed with the test's output (and so kept when it fails).
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", Transcript));
        return base.DisposeAsync();
    }

    /// <summary>The driver writes; returns what the bot (or anyone) sent back once the chat is quiet again.</summary>
    protected async Task<IReadOnlyList<string>> SayAsync(SimulatedPhone phone, string text, bool expectReply = true)
    {
        var before = phone.Received.Count;
        Transcript.Add("> " + text);
        await phone.SendTextAsync(text);
        if (expectReply)
        {
            await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), $"a reply to '{text}'", 30);
        }
        else
        {
            await Eventually.TrueAsync(QuietAsync, $"'{text}' handled", 30);
        }

        var replies = phone.Received.Skip(before).Select(m => m.Body ?? m.Caption ?? "[" + m.Type + "]").ToList();
        Transcript.AddRange(replies.Select(r => "< " + r.Replace("\n", "\n  ", StringComparison.Ordinal)));
        return replies;
    }

    /// <summary>Nothing left to route or send, on either side.</summary>
    /// <summary>The driver sends a file; the replies once the bridge is quiet.</summary>
    protected async Task<IReadOnlyList<string>> SendFileAsync(SimulatedPhone phone, string type, byte[] content, string mimeType)
    {
        var before = phone.Received.Count;
        Transcript.Add($"> [{mimeType}]");
        await phone.SendMediaAsync(type, content, mimeType, "documento");
        await Eventually.TrueAsync(async () => phone.Received.Count > before && await QuietAsync(), $"the reply to a {mimeType}", 30);
        var replies = phone.Received.Skip(before).Select(m => m.Body ?? "[" + m.Type + "]").ToList();
        Transcript.AddRange(replies.Select(r => "< " + r));
        return replies;
    }

    protected async Task<bool> QuietAsync() =>
        await ScalarAsync<long>("SELECT count(*) FROM inbound_messages WHERE state = 'pending'") == 0
        && await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')") == 0;

    protected async Task<string> ModeOfAsync(string e164) =>
        await ScalarAsync<string>("SELECT v.mode FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.phone_e164 = @e164 ORDER BY v.id DESC LIMIT 1", new { e164 });

    protected IReadOnlyList<string> NotesOf(string e164) =>
        ChatwootMessagesOf(e164).Where(m => m.Private).Select(m => m.Content ?? "").ToList();

    /// <summary>Staff move the driver to <paramref name="status"/> at its current version; returns the response body.</summary>
    protected async Task<string> ChangeStatusAsync(Guid driverId, string status, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var version = await ScalarAsync<int>("SELECT version FROM drivers WHERE id = @driverId", new { driverId });
        using var response = await StaffAsync(HttpMethod.Post, $"/api/drivers/{driverId}/status", new { status, reason = "documentos verificados", version });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, body);
        return body;
    }

    /// <summary>A call to the records API with the staff key.</summary>
    protected async Task<HttpResponseMessage> StaffAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", BotFixture.StaffKey);
        return await Bot.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
