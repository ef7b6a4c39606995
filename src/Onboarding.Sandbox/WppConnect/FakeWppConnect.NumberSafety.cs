using System.Text.Json.Nodes;

namespace Onboarding.Sandbox.WppConnect;

/// <summary>
/// What WhatsApp does to a number that sends like a bot: a restriction after too many messages to people who never
/// wrote, and a logout. Test switches, shaped like the real server's answers.
/// </summary>
public sealed partial class FakeWppConnect
{
    private int _restrictAfter = -1;
    private int _coldSends;
    private int _restrictedSends;

    /// <summary>Sends refused with a restriction so far.</summary>
    public int RestrictedSends => Volatile.Read(ref _restrictedSends);

    /// <summary>
    /// After <paramref name="sends"/> messages to chats whose user never wrote, every further send to such a chat is
    /// refused with WhatsApp's error 463 (the "reach-out time-lock"). WPPConnect Server 2.10.4 answers any failed send
    /// with HTTP 500 <c>{"status":"Error","message":"Erro ao enviar a mensagem.","error":…}</c>, the thrown error as its
    /// <c>error</c> (src/controller/messageController.ts, <c>returnError</c>); the error's fields for 463 are not in the
    /// server's or wa-js's source, so <c>code</c>/<c>text</c> here are an assumption. A negative value switches it off.
    /// </summary>
    public void RestrictColdSendsAfter(int sends)
    {
        Interlocked.Exchange(ref _coldSends, 0);
        Interlocked.Exchange(ref _restrictedSends, 0);
        Interlocked.Exchange(ref _restrictAfter, sends);
    }

    /// <summary>
    /// The phone logs the session out: WhatsApp Web shows a QR code again (status <c>QRCODE</c>) and the live routes,
    /// sends included, answer 404 "A sessão do WhatsApp não está ativa." (src/middleware/statusConnection.ts, 2.10.4)
    /// until <see cref="ScanQrAsync"/>.
    /// </summary>
    public Task LogOutAsync()
    {
        _qrBase64 = Convert.ToBase64String(QrPng);
        _status = "QRCODE";
        return PostStatusAsync("disconnectedMobile");
    }

    /// <summary>True (and the answer written) when this send is refused as restricted.</summary>
    private async Task<bool> RestrictedAsync(HttpContext ctx, IReadOnlyList<string> recipients)
    {
        var limit = Volatile.Read(ref _restrictAfter);
        if (limit < 0 || !recipients.Any(NeverWrote))
        {
            return false;
        }

        if (Interlocked.Increment(ref _coldSends) <= limit)
        {
            return false;
        }

        Interlocked.Increment(ref _restrictedSends);
        await Write(ctx, 500, new JsonObject
        {
            ["status"] = "Error",
            ["message"] = "Erro ao enviar a mensagem.",
            ["error"] = new JsonObject { ["code"] = 463, ["text"] = "reachout-timelock" },
        });
        return true;
    }

    private bool NeverWrote(string chatId) =>
        !_chats.TryGetValue(chatId, out var chat) || chat.Messages.All(m => m.FromMe);
}
