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

    /// <summary>After a send, the phone's delivery receipt (<c>onack</c> ack 2) follows.</summary>
    public bool AutoDeliveryAck { get; set; } = true;
}
