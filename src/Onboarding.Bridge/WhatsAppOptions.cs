namespace Onboarding.Bridge;

/// <summary>Which way the bridge talks to WhatsApp (section <c>WhatsApp</c>, docs/0042).</summary>
public enum WhatsAppTransport
{
    /// <summary>A WPPConnect gateway driving WhatsApp Web (section <c>WppConnect</c>).</summary>
    WppConnect,

    /// <summary>Meta's WhatsApp Business Cloud API (section <c>WhatsApp:CloudApi</c>).</summary>
    CloudApi,
}

public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    public WhatsAppTransport Transport { get; set; } = WhatsAppTransport.WppConnect;

    public bool IsCloudApi => Transport == WhatsAppTransport.CloudApi;
}
