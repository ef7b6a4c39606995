namespace Onboarding.Sandbox.CloudApi;

public sealed class FakeCloudApiOptions
{
    /// <summary>0: the OS picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The Graph API version the fake serves (<c>/v23.0/…</c>; Typebot's integration calls <c>v21.0</c>, Chatwoot's
    /// <c>v13.0</c>); a client calling another version gets Graph's "Unknown path components" error, so a
    /// misconfigured version shows at once.
    /// </summary>
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>
    /// A path the Graph routes sit under (<c>graph</c> serves <c>/graph/v23.0/…</c>), for a client whose Graph URL is
    /// behind a proxy prefix; empty serves them at the root like graph.facebook.com.
    /// </summary>
    public string BasePath { get; set; } = "";

    public string PhoneNumberId { get; set; } = "106540352242922";

    /// <summary>Our business number (digits), <c>metadata.display_phone_number</c> in webhooks.</summary>
    public string DisplayPhoneNumber { get; set; } = "351910000000";

    /// <summary>The WhatsApp Business Account id, <c>entry[].id</c> in webhooks.</summary>
    public string BusinessAccountId { get; set; } = "102290129340398";

    /// <summary>The system-user token every Graph call must carry (<c>Authorization: Bearer …</c>).</summary>
    public string AccessToken { get; set; } = "EAAsandbox0cloud0api0token";

    /// <summary>The Meta app's secret: webhooks are signed with it (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; set; } = "sandbox-app-secret";

    /// <summary>The callback URL configured in the app dashboard (the bridge's <c>/webhooks/cloudapi</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The approved message templates, per name and language; a send naming another fails with 132001.</summary>
    public IList<FakeCloudTemplate> Templates { get; set; } = [];

    /// <summary>The fake's clock: the 24-hour window and every timestamp read it, so a test can move it 30 hours on.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Waits between attempts when the callback does not answer 200. Meta "will keep trying with decreasing
    /// frequency until the request succeeds, for up to 7 days" (Graph API Webhooks, Getting Started, "Event
    /// Notifications"); the fake keeps the shape (growing gaps, then it gives up) on a scale a test can wait for.
    /// </summary>
    /// <remarks>About 19 minutes in all, so a host restarted during a fault test still gets what was sent meanwhile.</remarks>
    public IList<TimeSpan> WebhookRetryDelays { get; set; } =
    [
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
    ];

    /// <summary>How long one webhook POST may take before it counts as failed (and is retried).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Share of webhooks posted a second time after a first success: delivery is at least once, and Meta's partners
    /// document duplicates to dedupe by message id (360dialog, "Notifications"). 0 by default so counts in tests hold.
    /// </summary>
    public double DuplicateRate { get; set; }

    /// <summary>
    /// Longest delay before each status webhook: statuses are separate notifications, posted independently, so
    /// <c>delivered</c> may arrive before <c>sent</c> (Chatwoot ignores a lower status arriving late,
    /// <c>lower_delivery_status?</c> in its Cloud incoming service). 0 posts in order.
    /// </summary>
    public TimeSpan StatusJitter { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Seeds the jitter and the duplicates, so a run that reorders webhooks reorders them the same way again.</summary>
    public int WebhookSeed { get; set; } = 22;

    /// <summary>A sent message is reported <c>delivered</c> after <c>sent</c> (the phone is online).</summary>
    public bool AutoDelivered { get; set; } = true;
}

/// <summary>
/// An approved template in one language with the number of <c>{{n}}</c> placeholders of its header and body
/// (Meta checks a send's parameters against them: error 132000).
/// </summary>
public sealed record FakeCloudTemplate(string Name, string Language, int BodyParameters, int HeaderParameters = 0)
{
    /// <summary>The body text with <c>{{1}}</c>… placeholders, for the phone view; empty shows the name.</summary>
    public string Body { get; init; } = "";
}
