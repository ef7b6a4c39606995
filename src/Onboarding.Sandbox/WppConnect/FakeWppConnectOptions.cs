namespace Onboarding.Sandbox.WppConnect;

public sealed class FakeWppConnectOptions
{
    /// <summary>0: the OS picks a free port.</summary>
    public int Port { get; set; }

    public string Session { get; set; } = "leguas";

    public string SecretKey { get; set; } = "THISISMYSECURETOKEN";

    /// <summary>Tokens accepted besides those the fake issues (a pre-issued token in the bridge's settings).</summary>
    public IList<string> PreIssuedTokens { get; set; } = [];

    /// <summary>Global webhook URL (<c>WEBHOOK_URL</c>); a session started with a <c>webhook</c> uses that one.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The session is already logged in at start (as after a restart with saved credentials).</summary>
    public bool StartConnected { get; set; } = true;

    /// <summary>The QR is "scanned" right after it is shown; otherwise call <c>ScanQrAsync</c>.</summary>
    public bool AutoScanQr { get; set; } = true;

    /// <summary><c>webhook.onSelfMessage</c> (default false, as upstream).</summary>
    public bool OnSelfMessage { get; set; }

    /// <summary><c>webhook.readMessage</c>: a 2xx webhook answer marks the chat read.</summary>
    public bool ReadMessage { get; set; } = true;

    /// <summary><c>webhook.allUnreadOnStart</c>: on reconnect, unread messages are replayed as <c>unreadmessages</c>.</summary>
    public bool AllUnreadOnStart { get; set; }

    /// <summary>Our own WhatsApp number (digits).</summary>
    public string HostNumber { get; set; } = "351910000000";

    /// <summary>
    /// <c>webhook.autoDownload</c>, on by default in WPPConnect Server 2.10.4 (<c>src/config.ts</c>): the webhook of a
    /// message with a file carries the whole file as bare base64 in <c>body</c> (<c>autoDownload</c> in
    /// <c>src/util/functions.ts</c>); REST reads keep the thumbnail.
    /// </summary>
    public bool AutoDownload { get; set; } = true;

    /// <summary>
    /// <c>get-media-by-message</c> answers 400 "Message not found" for received media, as the real server does once
    /// WhatsApp Web's store no longer holds the message (<c>getMediaByMessage</c> in
    /// <c>src/controller/sessionController.ts</c>, 2.10.4); seen on live servers for messages minutes old. Off: it serves the file.
    /// </summary>
    public bool MediaByMessageNotFound { get; set; } = true;

    /// <summary>After a send, the phone's delivery receipt (<c>onack</c> ack 2) follows.</summary>
    public bool AutoDeliveryAck { get; set; } = true;

    /// <summary>
    /// Longest delay before a webhook is posted. Posts are not awaited by the server (<c>callWebHook</c>,
    /// wppconnect-server 2.10.4 <c>src/util/functions.ts</c>), so events posted close together overlap and may arrive
    /// in another order; 0 posts at once.
    /// </summary>
    public TimeSpan WebhookJitter { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Seeds the delays, so a run that reorders webhooks reorders them the same way again.</summary>
    public int WebhookSeed { get; set; } = 15;

    /// <summary>
    /// Added before a media message's webhook when <see cref="AutoDownload"/> is on: the server awaits
    /// <c>client.decryptFile</c> before posting (<c>autoDownload</c> in <c>src/util/functions.ts</c>).
    /// </summary>
    public TimeSpan MediaDecryptDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
